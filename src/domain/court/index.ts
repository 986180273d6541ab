/**
 * Court accompaniment: dates, places and reminders. Screens and use cases
 * import from here so they need not know how the folder is split.
 */
export { COURT_HELP } from './events';
export type * from './events';
export { COURT_LIMITS, slotsProblem } from './rules';
export type { SlotsProblem } from './rules';
export { projectCourt } from './project';
export { accompaniedHearings, courtDateStatus, courtReminder, placeOf, REMINDER_AFTER_START_MS, REMINDER_AHEAD_MS } from './status';
export type { ReminderDay } from './status';
export type * from './types';
