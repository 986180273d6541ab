/**
 * Court dates and who goes, projected when a court screen, a reminder or a use
 * case asks, and again only when records about court dates or membership arrive.
 */
import { wasMemberAt } from '../domain/circle';
import { projectCourt } from '../domain/court';
import type { CourtEvent, CourtEventKind } from '../domain/court';
import type { CircleEvent } from '../domain/events';
import { cachedProjection } from './cached-projection';

const COURT_KINDS: ReadonlySet<CircleEvent['kind']> = new Set<CourtEventKind>(['court.date', 'court.signup', 'court.signup.withdrawn', 'court.cancelled']);

function isCourtEvent(event: CircleEvent): event is CourtEvent {
  return COURT_KINDS.has(event.kind);
}

export const courtOf = cachedProjection(new Set([...COURT_KINDS, 'circle.founded', 'member.admitted']), (snapshot) =>
  projectCourt(snapshot.events.filter(isCourtEvent), (member, at) => wasMemberAt(snapshot.circle, member, at)),
);
