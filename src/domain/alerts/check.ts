/**
 * Sorting the alerts and acknowledgements that count from those that do not.
 * Everything else in this folder reads only what passes here, so a bad record
 * has one place where it is named and no way to move a figure.
 *
 * The outcome depends on the set of records, not on the order they arrived in:
 * acknowledgements are read in the one record order (time, then id), and of two
 * that say the same thing the first in that order counts on every phone.
 */
import { compareEvents } from '../events';
import type { MemberKey, RecordId } from '../events';
import type { Alert, AlertAck, AlertProblem, AlertProblemReason, Membership } from './types';

export interface CheckedAlerts {
  /** Alerts raised by a member of their day, by id. */
  readonly genuine: ReadonlyMap<RecordId, Alert>;
  /** Each genuine alert's acknowledgements that count, in record order. */
  readonly acks: ReadonlyMap<RecordId, readonly AlertAck[]>;
  /** Every alert and acknowledgement that does not count, in record order. */
  readonly problems: readonly AlertProblem[];
}

const NO_ACKS: readonly AlertAck[] = Object.freeze([]);

/** The record order (time, then id) for alerts, whose author is named `raisedBy`. */
export function compareAlerts(a: Alert, b: Alert): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function isMemberAt(members: Membership, key: MemberKey, at: number): boolean {
  const member = members.get(key);
  return member !== undefined && member.since <= at;
}

/** The member an acknowledgement says was reached: the author, when they confirm for themselves. */
export function ackedMember(ack: AlertAck): MemberKey {
  return ack.kind === 'alert.reached' ? ack.member : ack.author;
}

/** The acknowledgements of one alert that count: none for an alert that is not genuine. */
export function acksOf(checked: CheckedAlerts, alert: RecordId): readonly AlertAck[] {
  return checked.acks.get(alert) ?? NO_ACKS;
}

export function checkAlerts(alerts: Iterable<Alert>, acks: Iterable<AlertAck>, members: Membership): CheckedAlerts {
  const problems: AlertProblem[] = [];
  const known = new Map<RecordId, Alert>();
  const genuine = new Map<RecordId, Alert>();
  // A record id is the hash of its bytes: the same id twice is one record that arrived twice.
  for (const alert of alerts) {
    if (known.has(alert.id)) continue;
    known.set(alert.id, alert);
    if (isMemberAt(members, alert.raisedBy, alert.at)) genuine.set(alert.id, alert);
    else problems.push({ id: alert.id, record: 'alert', alert: alert.id, author: alert.raisedBy, at: alert.at, reason: 'raised-by-non-member' });
  }
  const counted = new Map<RecordId, AlertAck[]>();
  const said = new Set<string>();
  for (const ack of uniqueInRecordOrder(acks)) {
    const reason = ackProblem(ack, known, genuine, members, said);
    if (reason !== null) {
      problems.push({ id: ack.id, record: 'ack', alert: ack.alert, author: ack.author, at: ack.at, reason });
      continue;
    }
    const list = counted.get(ack.alert);
    if (list === undefined) counted.set(ack.alert, [ack]);
    else list.push(ack);
  }
  problems.sort(compareEvents);
  return { genuine, acks: counted, problems };
}

function uniqueInRecordOrder(acks: Iterable<AlertAck>): AlertAck[] {
  const seen = new Set<RecordId>();
  const unique: AlertAck[] = [];
  for (const ack of acks) {
    if (seen.has(ack.id)) continue;
    seen.add(ack.id);
    unique.push(ack);
  }
  return unique.sort(compareEvents);
}

/**
 * The first thing wrong with an acknowledgement, or null when it counts. Only
 * one that counts is remembered as said, so a bad record cannot make a later
 * good one look like a duplicate.
 */
function ackProblem(
  ack: AlertAck,
  known: ReadonlyMap<RecordId, Alert>,
  genuine: ReadonlyMap<RecordId, Alert>,
  members: Membership,
  said: Set<string>,
): AlertProblemReason | null {
  if (!known.has(ack.alert)) return 'unknown-alert';
  const alert = genuine.get(ack.alert);
  if (alert === undefined) return 'ack-of-forged-alert';
  if (ack.at < alert.at) return 'ack-before-alert';
  if (!isMemberAt(members, ack.author, ack.at)) return 'ack-by-non-member';
  const member = ackedMember(ack);
  if (!isMemberAt(members, member, alert.at)) return 'ack-about-non-member';
  const statement = `${ack.kind}\n${ack.alert}\n${ack.author}\n${member}`;
  if (said.has(statement)) return 'duplicate-ack';
  said.add(statement);
  return null;
}
