/**
 * What the court projection gives: plain data that every phone computes
 * identically from the same set of events.
 */
import type { CourtEventKind, CourtHelp, MemberKey, RecordId } from './events';

/** Whether `member` was a member at `at`, e.g. `(key, at) => wasMemberAt(circle, key, at)`. */
export type IsMemberAt = (member: MemberKey, at: number) => boolean;

/**
 * Why an event does not count. Every one is listed; none stops the others.
 * - `not-a-member`: a date or sign-up whose author was not a member at its time.
 * - `bad-slots`: a date asking for no help, or beyond the limits.
 * - `bad-expiry`: a date whose expiry is not a UTC midnight after it, or is further than any hearing.
 * - `unknown-date`, `unknown-signup`: names a record this phone does not have (yet).
 * - `date-not-counted`, `signup-not-counted`: names a record that did not count itself.
 * - `not-the-author`: a cancellation by someone other than the date's author.
 * - `not-the-signer`: a withdrawal by someone other than the one who signed up.
 * - `already-cancelled`, `already-withdrawn`: the first by (time, id) counts.
 * - `date-cancelled`: a sign-up dated at or after the cancellation.
 * - `date-expired`: a sign-up, withdrawal or cancellation at or after `expiresAt`: the hearing is history.
 * - `help-not-wanted`: a sign-up for a kind of help the date does not ask for.
 * - `already-signed-up`: the member has an earlier sign-up for the same date: one place each.
 * - `slot-full`: the places of that kind went to earlier sign-ups; it waits and
 *   takes a place if one of them is withdrawn.
 */
export type CourtProblemReason =
  | 'not-a-member'
  | 'bad-slots'
  | 'bad-expiry'
  | 'unknown-date'
  | 'unknown-signup'
  | 'date-not-counted'
  | 'signup-not-counted'
  | 'not-the-author'
  | 'not-the-signer'
  | 'already-cancelled'
  | 'already-withdrawn'
  | 'date-cancelled'
  | 'date-expired'
  | 'help-not-wanted'
  | 'already-signed-up'
  | 'slot-full';

export interface CourtProblem {
  readonly id: RecordId;
  readonly kind: CourtEventKind;
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: CourtProblemReason;
}

export interface CourtSignup {
  readonly id: RecordId;
  readonly member: MemberKey;
  readonly at: number;
  readonly help: CourtHelp;
}

export interface CourtSlotState {
  readonly help: CourtHelp;
  /** Places wanted. */
  readonly count: number;
  /** Sign-ups holding a place, first by (time, id); never more than `count`. */
  readonly filled: readonly CourtSignup[];
  /** Sign-ups beyond the count, in the order they would move up. */
  readonly waiting: readonly CourtSignup[];
}

export interface CourtDateState {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly at: number;
  readonly expiresAt: number;
  readonly sealedDetails: Uint8Array;
  /** In COURT_HELP order, as the date asks for them. */
  readonly slots: readonly CourtSlotState[];
  /** The cancellation that counts, or null. */
  readonly cancelled: { readonly id: RecordId; readonly at: number } | null;
}

export interface CourtState {
  /** Every date that counts, in (time, id) order. */
  readonly dates: ReadonlyMap<RecordId, CourtDateState>;
  /** In (time, id) order. */
  readonly problems: readonly CourtProblem[];
}

/** Upcoming until `expiresAt`, then past; cancelled at any time stays cancelled. */
export type CourtDateStatus = 'upcoming' | 'cancelled' | 'past';
