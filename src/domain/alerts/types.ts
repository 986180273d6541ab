/**
 * Rapid response alerts as the domain sees them: who raised what and when,
 * who has been reached, and what is wrong with the records that do not count.
 * The alert's message and place are sealed elsewhere (they name people and
 * addresses); here there is only the fact that they exist.
 */
import type { EventMeta, MemberKey, RecordId } from '../events';

export type AlertKind = 'eviction' | 'police' | 'court' | 'medical' | 'other';

/** The sealed parts an alert may carry. Their contents never reach the domain. */
export type AlertSealedPart = 'message' | 'place';

export interface Alert {
  readonly id: RecordId;
  readonly raisedBy: MemberKey;
  /** When it was raised, by the raiser's clock (ms since the Unix epoch). */
  readonly at: number;
  readonly kind: AlertKind;
  /** A practice run: reached like any alert, and listed in the drill history. */
  readonly drill: boolean;
  /** When its sealed parts must leave every phone; null for the default, 30 days after raising. */
  readonly expiresAt: number | null;
  readonly sealed: readonly AlertSealedPart[];
}

/** "I reached them": a caller (the author) marks whom they got through to. */
export interface AlertReached extends EventMeta {
  readonly kind: 'alert.reached';
  readonly alert: RecordId;
  readonly member: MemberKey;
}

/** "I heard": a member (the author) confirms the alert reached them. */
export interface AlertHeard extends EventMeta {
  readonly kind: 'alert.heard';
  readonly alert: RecordId;
}

export type AlertAck = AlertReached | AlertHeard;

/**
 * Who was a member since when. `CircleState.members` fits as it is. An alert
 * is for those who were members when it was raised, so that a drill of two
 * years ago is measured against the circle of its day, not today's.
 */
export type Membership = ReadonlyMap<MemberKey, { readonly since: number }>;

/** What the phone tree needs besides the members: who offered to call, and how many each calls. */
export interface AlertRoster {
  readonly members: Membership;
  readonly callers: ReadonlySet<MemberKey>;
  /** As in phoneTree: a whole number from 2 to 8, 3 if left out. */
  readonly fanout?: number;
}

/**
 * Why an alert or an acknowledgement does not count. Each is listed for the
 * diagnostics screen rather than thrown: records come from other phones.
 */
export type AlertProblemReason =
  /** The raiser was not a member when raising it: a forged alert, never shown as live. */
  | 'raised-by-non-member'
  /** The acknowledged alert is not on this phone (yet, or at all). */
  | 'unknown-alert'
  | 'ack-of-forged-alert'
  /** Dated before the alert was raised: it cannot be about it (or a clock is far off). */
  | 'ack-before-alert'
  /** Its author was not a member at the acknowledgement's time. */
  | 'ack-by-non-member'
  /** The member it says was reached was not a member when the alert was raised. */
  | 'ack-about-non-member'
  /** The same author said the same thing about the same member before: the first one counts. */
  | 'duplicate-ack';

export interface AlertProblem {
  /** The record at fault. */
  readonly id: RecordId;
  readonly record: 'alert' | 'ack';
  /** The alert it is about: its own id for an alert. */
  readonly alert: RecordId;
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: AlertProblemReason;
}

/** The first time a member was reached. */
export interface Reached {
  readonly member: MemberKey;
  readonly at: number;
  /** Who reached them first: the member themselves when their own confirmation came first. */
  readonly by: MemberKey;
  /** When the member confirmed they heard, or null while only a caller says so. */
  readonly heardAt: number | null;
}

/** What survives of an alert once its sealed parts are gone, and what a drill's history shows. */
export interface AlertStatistic {
  readonly alert: RecordId;
  readonly kind: AlertKind;
  readonly at: number;
  readonly drill: boolean;
  /** How many it was for: members when it was raised, the raiser aside. */
  readonly audience: number;
  /** Milliseconds from raising until 90% of the audience was reached, or null if that never happened. */
  readonly timeTo90: number | null;
}
