/**
 * When the sealed parts of alerts and court dates must leave a phone. A seized
 * phone should hold as little as the circle still needs: what survives an
 * expiry is only that an alert happened, its kind and time, whether it was a
 * drill, and how fast it reached people.
 *
 * Every comparison fails towards dropping: an expiry that is not a number (a
 * damaged record, a date that did not parse) is already past, so doubt never
 * keeps an address on a phone.
 */
import type { RecordId } from '../events';
import { acksOf, checkAlerts } from './check';
import { alertStatistic } from './reach';
import type { Alert, AlertAck, AlertSealedPart, AlertStatistic, Membership } from './types';

export const DAY_MS = 86_400_000;
/** How long an alert's sealed parts stay when nothing else decides. */
export const DEFAULT_ALERT_LIFETIME_MS = 30 * DAY_MS;

/** A court hearing, sealed like an alert's place; the domain sees only its time. */
export interface CourtDate {
  readonly id: RecordId;
  /** The alert it belongs to, if any: that alert then lasts as long as its latest hearing needs it. */
  readonly alert: RecordId | null;
  readonly hearingAt: number;
}

/**
 * The end of the day after the hearing, in UTC: midnight UTC two days after
 * the hearing's UTC day begins. That is always more than 24 and at most 48
 * hours after the hearing, enough for whoever went to report back, whatever
 * the circle's time zone. A local day would need the circle's offset, which
 * court dates do not carry. A hearing time that is not finite gives NaN,
 * which isExpired reads as past: a damaged date must not keep a record forever.
 */
export function courtDateExpiry(hearingAt: number): number {
  if (!Number.isFinite(hearingAt)) return NaN;
  return Math.floor(hearingAt / DAY_MS) * DAY_MS + 2 * DAY_MS;
}

/**
 * When an alert's sealed parts expire. A court date tied to it decides, even
 * against an expiry the raiser chose: the hearing is when the details stop
 * being useful, and an adjourned hearing (a later court date) extends it.
 */
export function alertExpiry(alert: Alert, courtDates: readonly CourtDate[]): number {
  const hearings = courtDates.filter((date) => date.alert === alert.id).map((date) => date.hearingAt);
  if (hearings.length === 0) return alert.expiresAt ?? alert.at + DEFAULT_ALERT_LIFETIME_MS;
  // Math.max gives NaN if any hearing is NaN: one damaged date makes the details go, whatever the order.
  return courtDateExpiry(Math.max(...hearings));
}

/** Past expiry from the instant of `expiresAt` on; an expiry or a time that is not a number counts as past. */
export function isExpired(item: { readonly expiresAt: number }, now: number): boolean {
  return !(now < item.expiresAt);
}

export type ExpiringItem =
  | { readonly item: 'alert'; readonly id: RecordId; readonly expiresAt: number; readonly sealed: readonly AlertSealedPart[] }
  | { readonly item: 'court-date'; readonly id: RecordId; readonly expiresAt: number };

/** An item to drop, and why: its time has come, or the alert was forged and nobody vouches for it. */
export type DropItem = ExpiringItem & { readonly reason: 'expired' | 'forged' };

export interface ExpiryPlan {
  /** Sealed parts to remove from local storage now, soonest expiry first. */
  readonly drop: readonly DropItem[];
  /** Items kept for now, soonest expiry first: the first one's expiry is when to look again. */
  readonly keep: readonly ExpiringItem[];
  /** What stays known of every genuine alert in `drop`, oldest first. */
  readonly survives: readonly AlertStatistic[];
}

/** What the surviving statistics are measured from. */
export interface ReachRecords {
  readonly acks: Iterable<AlertAck>;
  readonly members: Membership;
}

/**
 * Which sealed parts must go at `now`. The acknowledgements and members come
 * in so that each expired alert's time to reach 90% is measured before only
 * the statistic is left to tell it.
 */
export function expiryPlan(alerts: Iterable<Alert>, courtDates: readonly CourtDate[], now: number, reach: ReachRecords): ExpiryPlan {
  const unique = new Map<RecordId, Alert>();
  for (const alert of alerts) if (!unique.has(alert.id)) unique.set(alert.id, alert);
  const checked = checkAlerts(unique.values(), reach.acks, reach.members);
  const drop: DropItem[] = [];
  const keep: ExpiringItem[] = [];
  const survives: AlertStatistic[] = [];
  for (const alert of unique.values()) {
    const item: ExpiringItem = { item: 'alert', id: alert.id, expiresAt: alertExpiry(alert, courtDates), sealed: alert.sealed };
    if (!checked.genuine.has(alert.id)) drop.push({ ...item, reason: 'forged' });
    else if (!isExpired(item, now)) keep.push(item);
    else {
      drop.push({ ...item, reason: 'expired' });
      survives.push(alertStatistic(alert, acksOf(checked, alert.id), reach.members));
    }
  }
  const seenDates = new Set<RecordId>();
  for (const date of courtDates) {
    if (seenDates.has(date.id)) continue;
    seenDates.add(date.id);
    const item: ExpiringItem = { item: 'court-date', id: date.id, expiresAt: courtDateExpiry(date.hearingAt) };
    if (isExpired(item, now)) drop.push({ ...item, reason: 'expired' });
    else keep.push(item);
  }
  return { drop: drop.sort(bySoonest), keep: keep.sort(bySoonest), survives: survives.sort((a, b) => a.at - b.at || (a.alert < b.alert ? -1 : a.alert > b.alert ? 1 : 0)) };
}

/** Soonest expiry first; a damaged (NaN) expiry first of all, then by item and id so every phone agrees. */
function bySoonest(a: ExpiringItem, b: ExpiringItem): number {
  const aBad = Number.isNaN(a.expiresAt);
  const bBad = Number.isNaN(b.expiresAt);
  if (aBad !== bBad) return aBad ? -1 : 1;
  return (aBad ? 0 : a.expiresAt - b.expiresAt) || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
