/** The solidarity agreement, projected when asked and again only when records about it or membership arrive. */
import { projectAgreement } from '../domain/agreement';
import { cachedProjection } from './cached-projection';

export const agreementOf = cachedProjection(
  new Set(['agreement.version', 'agreement.signed', 'circle.founded', 'member.admitted']),
  (snapshot) => projectAgreement(snapshot.events, snapshot.circle.members),
);
