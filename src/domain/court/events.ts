/**
 * Court accompaniment: nobody faces a hearing alone. A member posts a court
 * date (for themselves or for a neighbour) with the help it needs, members
 * sign up for a place, may withdraw, and the author may cancel it.
 *
 * When and where the hearing is, and a note, travel sealed with the circle's
 * field key: the domain sees only that they exist. What is public is the help
 * wanted and `expiresAt`, the end of the day after the hearing, so that every
 * phone knows when to drop the details and when sign-ups stop counting.
 */
import type { EventMeta, MemberKey, RecordId } from '../events';

export type { MemberKey, RecordId };

/**
 * The kinds of help a hearing can ask for. Records carry a kind as its
 * position here, so new kinds are appended and a code keeps its meaning.
 */
export const COURT_HELP = ['companion', 'interpreter', 'driver', 'childcare'] as const;
export type CourtHelp = (typeof COURT_HELP)[number];

/** Places wanted of one kind of help. */
export interface CourtSlot {
  readonly help: CourtHelp;
  readonly count: number;
}

/** A hearing posted by `author`. */
export interface CourtDatePosted extends EventMeta {
  readonly kind: 'court.date';
  /** At least one kind, each at most once, in COURT_HELP order. */
  readonly slots: readonly CourtSlot[];
  /** The end of the day after the hearing (alerts/expiry.ts courtDateExpiry): details leave every phone then. */
  readonly expiresAt: number;
  /** The hearing's time, the court and room, a note: sealed with the circle's field key (records/sealed-field.ts). */
  readonly sealedDetails: Uint8Array;
}

/** `author` will go to the hearing `date` to give `help`. */
export interface CourtSignedUp extends EventMeta {
  readonly kind: 'court.signup';
  readonly date: RecordId;
  readonly help: CourtHelp;
}

/** The one who signed up (`author`) takes back the sign-up `signup`. */
export interface CourtSignupWithdrawn extends EventMeta {
  readonly kind: 'court.signup.withdrawn';
  readonly signup: RecordId;
}

/** The author of `date` says the hearing is off (settled, adjourned to a date to be posted anew). */
export interface CourtCancelled extends EventMeta {
  readonly kind: 'court.cancelled';
  readonly date: RecordId;
}

export type CourtEvent = CourtDatePosted | CourtSignedUp | CourtSignupWithdrawn | CourtCancelled;
export type CourtEventKind = CourtEvent['kind'];
