/**
 * The solidarity agreement, projected only when a screen or a use case asks
 * for it, and again only when records about it or about membership arrive.
 */
import type { CircleEvent } from '../domain/events';
import { projectAgreement } from '../domain/agreement';
import type { AgreementState } from '../domain/agreement';
import type { ReplicaSnapshot } from '../replica/replica';

const RELEVANT = new Set<CircleEvent['kind']>(['agreement.version', 'agreement.signed', 'circle.founded', 'member.admitted']);
/** Per event log (a replica grows one log in place): how much of it the view has seen. */
const built = new WeakMap<readonly CircleEvent[], { seen: number; agreement: AgreementState }>();

export function agreementOf(snapshot: ReplicaSnapshot): AgreementState {
  const { events } = snapshot;
  const known = built.get(events);
  if (known !== undefined && !events.slice(known.seen).some((event) => RELEVANT.has(event.kind))) {
    known.seen = events.length;
    return known.agreement;
  }
  const agreement = projectAgreement(events, snapshot.circle.members);
  built.set(events, { seen: events.length, agreement });
  return agreement;
}
