/**
 * A projection of the open circle computed only when a screen or use case
 * asks for it, and again only when records of the kinds it reads arrive. A
 * replica grows one event log in place, so the log itself keys the cache and
 * how much of it the projection has seen says what is new.
 */
import type { CircleEvent } from '../domain/events';
import type { ReplicaSnapshot } from '../replica/replica';

export function cachedProjection<T>(relevant: ReadonlySet<CircleEvent['kind']>, project: (snapshot: ReplicaSnapshot) => T): (snapshot: ReplicaSnapshot) => T {
  const built = new WeakMap<readonly CircleEvent[], { seen: number; value: T }>();
  return (snapshot) => {
    const { events } = snapshot;
    const known = built.get(events);
    if (known !== undefined && !events.slice(known.seen).some((event) => relevant.has(event.kind))) {
      known.seen = events.length;
      return known.value;
    }
    const value = project(snapshot);
    built.set(events, { seen: events.length, value });
    return value;
  };
}
