/**
 * Court accompaniment's records, each by one member. Bodies:
 *   court.date              0 slots {help code: count}  1 expiresAt (ms, a UTC midnight)  2 sealed details
 *   court.signup            0 the date's record id  1 help code
 *   court.signup.withdrawn  0 the sign-up's record id
 *   court.cancelled         0 the date's record id
 * A help code is the position in COURT_HELP. The hearing's time, court, room
 * and note are sealed (records/sealed-field.ts); expiresAt is public so that
 * every phone knows when to drop them.
 *
 * Every phone loads these parsers with its first screen, so they check only
 * shapes and sizes. The rules (how many places a date may ask for, what
 * expiry it may carry, who may sign up, withdraw or cancel) are the
 * projection's (domain/court/), which lists a date that breaks them rather
 * than counting it; the builders (court-bodies.ts) refuse to write one.
 */
import type { CborMap, CborValue } from '../cbor';
import { mapField, uintField } from '../fields';
import type { Envelope } from '../envelope';
import { COURT_HELP } from '../../domain/court/events';
import type { CourtCancelled, CourtDatePosted, CourtSignedUp, CourtSignupWithdrawn, CourtSlot, RecordId } from '../../domain/court/events';
import { bodyOf, decodeCode, idField, meta } from './tool-fields';

/** Nonce, tag and at least one byte; the most a hearing's time, court, room and note can take (test/unit/app/court.test.ts). */
export const COURT_SEALED_BYTES = { min: 24 + 16 + 1, max: 2048 } as const;

/** Sealed details of a size some phone of ours could have written. */
export function isCourtSealed(value: CborValue | undefined): value is Uint8Array {
  return value instanceof Uint8Array && value.length >= COURT_SEALED_BYTES.min && value.length <= COURT_SEALED_BYTES.max;
}

const enum DateKey { Slots = 0, ExpiresAt = 1, Sealed = 2 }
const enum SignupKey { Date = 0, Help = 1 }

export function parseCourtDate(envelope: Envelope): CourtDatePosted | undefined {
  const body = bodyOf(envelope, 'court.date', [DateKey.Slots, DateKey.ExpiresAt, DateKey.Sealed]);
  const slots = body && parseSlots(mapField(body, DateKey.Slots));
  const expiresAt = body && uintField(body, DateKey.ExpiresAt);
  const sealedDetails = body?.get(DateKey.Sealed);
  if (slots === undefined || expiresAt === undefined || !isCourtSealed(sealedDetails)) return undefined;
  return { kind: 'court.date', ...meta(envelope), slots, expiresAt, sealedDetails };
}

/** Canonical CBOR sorts map keys, so the slots come out in COURT_HELP order. */
function parseSlots(map: CborMap | undefined): CourtSlot[] | undefined {
  if (map === undefined) return undefined;
  const slots: CourtSlot[] = [];
  for (const [code, count] of map) {
    const help = decodeCode(COURT_HELP, code);
    if (help === undefined || typeof count !== 'number' || count < 0) return undefined;
    slots.push({ help, count });
  }
  return slots;
}

export function parseCourtSignup(envelope: Envelope): CourtSignedUp | undefined {
  const body = bodyOf(envelope, 'court.signup', [SignupKey.Date, SignupKey.Help]);
  const date = body && idField(body, SignupKey.Date);
  const help = body && decodeCode(COURT_HELP, uintField(body, SignupKey.Help));
  return date === undefined || help === undefined ? undefined : { kind: 'court.signup', ...meta(envelope), date, help };
}

function referenceOf(envelope: Envelope, kind: 'court.signup.withdrawn' | 'court.cancelled'): RecordId | undefined {
  const body = bodyOf(envelope, kind, [0]);
  return body && idField(body, 0);
}

export function parseCourtSignupWithdrawn(envelope: Envelope): CourtSignupWithdrawn | undefined {
  const signup = referenceOf(envelope, 'court.signup.withdrawn');
  return signup === undefined ? undefined : { kind: 'court.signup.withdrawn', ...meta(envelope), signup };
}

export function parseCourtCancelled(envelope: Envelope): CourtCancelled | undefined {
  const date = referenceOf(envelope, 'court.cancelled');
  return date === undefined ? undefined : { kind: 'court.cancelled', ...meta(envelope), date };
}
