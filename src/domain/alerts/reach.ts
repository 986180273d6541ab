/**
 * How far an alert has spread: who was reached first when, and how long it
 * took to reach a share of the people it was for. Reads only acknowledgements
 * that passed checkAlerts.
 */
import type { MemberKey } from '../events';
import { ackedMember } from './check';
import type { Alert, AlertAck, AlertStatistic, Membership, Reached } from './types';

/**
 * Those an alert is for: the members when it was raised, the raiser aside.
 * The raiser already knows; counting them would put a two-member circle at
 * 50% before anyone picked up a phone.
 */
export function audienceOf(alert: Alert, members: Membership): MemberKey[] {
  const audience: MemberKey[] = [];
  for (const [key, member] of members) if (key !== alert.raisedBy && member.since <= alert.at) audience.push(key);
  return audience.sort();
}

/**
 * The first time each member of the audience was reached, earliest first
 * (ties by key). Any acknowledgement about them counts, a caller's or their
 * own: either says the news got through.
 */
export function firstReaches(acks: readonly AlertAck[], audience: readonly MemberKey[]): Reached[] {
  const wanted = new Set(audience);
  const reached = new Map<MemberKey, { at: number; by: MemberKey; heardAt: number | null }>();
  // The acknowledgements come in record order, so the first seen for a member is their earliest.
  for (const ack of acks) {
    const member = ackedMember(ack);
    if (!wanted.has(member)) continue;
    const entry = reached.get(member) ?? { at: ack.at, by: ack.author, heardAt: null };
    if (ack.kind === 'alert.heard' && entry.heardAt === null) entry.heardAt = ack.at;
    reached.set(member, entry);
  }
  return [...reached]
    .map(([member, entry]) => ({ member, ...entry }))
    .sort((a, b) => a.at - b.at || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
}

/**
 * Milliseconds from raising until `percent` of the audience had been reached,
 * or null if that has not happened. Counts, not fractions, decide (90% of 15
 * is 14 people), so no rounding of a division can move a milestone.
 */
export function timeToShare(alert: Alert, reached: readonly Reached[], audience: number, percent: number): number | null {
  const needed = Math.ceil((audience * percent) / 100);
  if (needed === 0) return 0;
  const last = reached[needed - 1];
  return last === undefined ? null : last.at - alert.at;
}

/** What survives of an alert, from its acknowledgements that count. */
export function alertStatistic(alert: Alert, acks: readonly AlertAck[], members: Membership): AlertStatistic {
  const audience = audienceOf(alert, members);
  const reached = firstReaches(acks, audience);
  return {
    alert: alert.id,
    kind: alert.kind,
    at: alert.at,
    drill: alert.drill,
    audience: audience.length,
    timeTo90: timeToShare(alert, reached, audience.length, 90),
  };
}
