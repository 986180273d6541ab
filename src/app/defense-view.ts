/** The defense roster, projected when asked and again only when records about the roster or membership arrive. */
import { projectRoster } from '../domain/roster';
import { cachedProjection } from './cached-projection';

export const rosterOf = cachedProjection(new Set(['roster.entry', 'circle.founded', 'member.admitted']), (snapshot) =>
  projectRoster(snapshot.events, snapshot.circle.members),
);
