/**
 * The events of the mutual-defense network. A roster entry is one member's own
 * offer of help: the roles they take, the skills that matter in a crisis, a
 * housing pledge, and their contact details sealed so that only members, and
 * only on an unlocked phone, can read them. A member's latest entry replaces
 * the earlier ones; nobody can write another member's entry, since the author
 * of a record is the member it is about.
 *
 * The solidarity agreement is a text members write together, version by
 * version, and sign: a signature names a version and the hash of its text.
 */
import type { AlertHeard, AlertKind, AlertReached } from './alerts/types';
import type { EventMeta, RecordId } from './events';

export const ROSTER_ROLES = ['caller', 'fund', 'court', 'housing'] as const;
export type RosterRole = (typeof ROSTER_ROLES)[number];

export const CRISIS_SKILLS = ['legal', 'medical', 'interpreting', 'childcare', 'counselling'] as const;
export type CrisisSkill = (typeof CRISIS_SKILLS)[number];

export interface HousingPledge {
  /** People a host can take in at once. */
  readonly capacity: number;
  /** Nights in a row a host can offer. */
  readonly nights: number;
  /** Step-free access. */
  readonly accessible: boolean;
}

export interface RosterEntry extends EventMeta {
  readonly kind: 'roster.entry';
  readonly roles: readonly RosterRole[];
  readonly skills: readonly CrisisSkill[];
  /** Languages the member speaks, as they write them ("Spanish", "Tagalog"). */
  readonly languages: readonly string[];
  /** Present exactly when the roles include housing. */
  readonly housing: HousingPledge | null;
  /** The contact details, sealed with the circle's field key (records/sealed-field.ts); null when none given. */
  readonly sealedContacts: Uint8Array | null;
}

export const ALERT_KINDS = ['eviction', 'police', 'court', 'medical', 'other'] as const satisfies readonly AlertKind[];

/** An alert as a record: what kind, whether it is a drill, and its message and place sealed with the circle's field key. */
export interface AlertRaised extends EventMeta {
  readonly kind: 'alert.raised';
  readonly alertKind: AlertKind;
  readonly drill: boolean;
  /** When its sealed details leave every phone; null for the default, 30 days after raising. */
  readonly expiresAt: number | null;
  readonly sealedDetails: Uint8Array;
}

/** One version of the solidarity agreement. */
export interface AgreementVersion extends EventMeta {
  readonly kind: 'agreement.version';
  /** The whole text, normalized (records/kinds/tool-fields.ts normalizeText). */
  readonly text: string;
  /** The SHA-256 of the text's UTF-8, base64url: computed by the records layer, not carried. */
  readonly textHash: string;
  /** The version this one edits; null for a first version. */
  readonly revises: RecordId | null;
  /** Other versions written beside the revised one whose changes this one takes in, so they stop being concurrent. */
  readonly merges: readonly RecordId[];
}

/** A member's signature of a version: the record's own signature is over the version's id and the hash of its text. */
export interface AgreementSigned extends EventMeta {
  readonly kind: 'agreement.signed';
  readonly version: RecordId;
  /** SHA-256 of the signed version's text, base64url. */
  readonly textHash: string;
}

export type DefenseEvent = RosterEntry | AlertRaised | AlertReached | AlertHeard | AgreementVersion | AgreementSigned;
