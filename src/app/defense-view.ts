/**
 * The defense roster, projected only when a defense screen asks for it, and
 * again only when records about the roster or membership arrive.
 */
import type { CircleEvent } from '../domain/events';
import { projectRoster } from '../domain/roster';
import type { RosterState } from '../domain/roster';
import type { ReplicaSnapshot } from '../replica/replica';

const RELEVANT = new Set<CircleEvent['kind']>(['roster.entry', 'circle.founded', 'member.admitted']);
/** Per event log (a replica grows one log in place): how much of it the view has seen. */
const built = new WeakMap<readonly CircleEvent[], { seen: number; roster: RosterState }>();

export function rosterOf(snapshot: ReplicaSnapshot): RosterState {
  const { events } = snapshot;
  const known = built.get(events);
  if (known !== undefined && !events.slice(known.seen).some((event) => RELEVANT.has(event.kind))) {
    known.seen = events.length;
    return known.roster;
  }
  const roster = projectRoster(events, snapshot.circle.members);
  built.set(events, { seen: events.length, roster });
  return roster;
}
