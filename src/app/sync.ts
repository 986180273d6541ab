/**
 * Starting a sync session for the open circle over any carrier's channel: the
 * session learns who counts as a member from the circle view, and carries this
 * member's own admission so that a peer who has not seen it can admit them.
 */
import { wasMemberAt } from '../domain/circle';
import { validateRecord } from '../records/verify-record';
import type { Channel } from '../sync/channel';
import type { UpdateGuard } from '../sync/guard';
import { SyncSession } from '../sync/session';
import type { AppDeps } from './deps';
import type { OpenCircle } from './open-circle';

/** The record that admitted this member, if this phone holds it (a founder has none). */
export function ownAdmission(circle: OpenCircle): Uint8Array | null {
  const records = circle.replica.doc.getMap<Uint8Array>('records');
  for (const event of circle.replica.current().events) {
    if (event.kind === 'member.admitted' && event.member === circle.membership.memberKey) return records.get(event.id) ?? null;
  }
  return null;
}

/** The name this member goes by, or, before a newcomer's first sync, the one in their admission. */
export function ownName(circle: OpenCircle): string {
  const state = circle.replica.current();
  const known = state.circle.members.get(circle.membership.memberKey)?.name;
  if (known !== undefined) return known;
  for (const event of state.events) if (event.kind === 'member.admitted' && event.member === circle.membership.memberKey) return event.name;
  return '';
}

export function startSession(circle: OpenCircle, channel: Channel, guard: UpdateGuard, deps: AppDeps): SyncSession {
  const circleKeys = { id: circle.replica.circleId, secret: circle.circleSecret };
  return new SyncSession({
    channel,
    replica: circle.replica,
    circle: circleKeys,
    me: circle.signing,
    myAdmission: ownAdmission(circle),
    myName: ownName(circle),
    guard,
    random: deps.random,
    isMember: (key) => {
      const membership = circle.replica.current().circle;
      // A newcomer's phone holds only its own admission until its first sync and cannot
      // check anyone yet: it relies on the handshake's proof that the peer holds the
      // circle secret, which only members were given.
      return membership.circle === null || membership.members.has(key);
    },
    admits: (admission, key) => {
      const result = validateRecord(admission, circleKeys.id);
      if (!result.ok || result.value.event.kind !== 'member.admitted') return false;
      const event = result.value.event;
      const membership = circle.replica.current().circle;
      return event.member === key && wasMemberAt(membership, event.author, event.at);
    },
  });
}
