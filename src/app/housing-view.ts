/**
 * Housing requests and stays, projected when a housing screen or use case asks
 * for them, and again only when records about housing or membership arrive.
 */
import { wasMemberAt } from '../domain/circle';
import type { CircleEvent } from '../domain/events';
import { projectHousing } from '../domain/housing';
import type { HousingEvent, HousingEventKind } from '../domain/housing';
import { cachedProjection } from './cached-projection';

const HOUSING_KINDS: ReadonlySet<CircleEvent['kind']> = new Set<HousingEventKind>(['housing.requested', 'housing.stay', 'housing.closed', 'housing.stay.ended']);

export function isHousingEvent(event: CircleEvent): event is HousingEvent {
  return HOUSING_KINDS.has(event.kind);
}

export const housingOf = cachedProjection(new Set([...HOUSING_KINDS, 'circle.founded', 'member.admitted']), (snapshot) =>
  projectHousing(snapshot.events.filter(isHousingEvent), (member, at) => wasMemberAt(snapshot.circle, member, at)),
);

