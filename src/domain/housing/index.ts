/**
 * Housing in a crisis: requests for somewhere to stay, the hosts who match
 * them, and the stays hosts record, as a pure projection. Screens import from
 * here so they need not know how housing is split into files.
 */
export { buffersACrisis, projectHousing } from './project';
export { matchHosts } from './matching';
export type { HostMatch } from './matching';
export { CLOSE_REASONS, DAY_MS, DAYS_AHEAD, DAYS_BACK, dayOf, isDayNear, isValidNights, isValidPeople, MAX_NIGHTS, MAX_PEOPLE } from './events';
export { dayOfIso, isoOfDay } from './days';
export type * from './events';
export type * from './types';
