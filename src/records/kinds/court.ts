/**
 * Court accompaniment's records, each by one member. Bodies:
 *   court.date              0 slots {help code: count}  1 expiresAt (ms, a UTC midnight)  2 sealed details
 *   court.signup            0 the date's record id  1 help code
 *   court.signup.withdrawn  0 the sign-up's record id
 *   court.cancelled         0 the date's record id
 * A help code is the position in COURT_HELP. The hearing's time, court, room
 * and note are sealed (records/sealed-field.ts); expiresAt is public so that
 * every phone knows when to drop them, and is bounded here since the sealed
 * time it follows from cannot be checked without the key. Who may sign up,
 * withdraw or cancel is for the projection (domain/court/) to decide.
 */
import type { CborMap, CborValue } from '../cbor';
import { mapField, uintField } from '../fields';
import type { Envelope } from '../envelope';
import { DAY_MS } from '../../domain/alerts/expiry';
import { COURT_HELP } from '../../domain/court/events';
import type { CourtCancelled, CourtDatePosted, CourtHelp, CourtSignedUp, CourtSignupWithdrawn, CourtSlot, RecordId } from '../../domain/court/events';
import { COURT_LIMITS, slotsProblem } from '../../domain/court/rules';
import { bodyOf, codeOf, decodeCode, idField, meta, recordIdBytes } from './tool-fields';

/** Nonce, tag and at least one byte; the most a hearing's time, court, room and note can take (test/unit/app/court.test.ts). */
export const COURT_SEALED_BYTES = { min: 24 + 16 + 1, max: 2048 } as const;

const enum DateKey { Slots = 0, ExpiresAt = 1, Sealed = 2 }
const enum SignupKey { Date = 0, Help = 1 }

export interface CourtDateFields {
  readonly slots: readonly CourtSlot[];
  readonly expiresAt: number;
  readonly sealedDetails: Uint8Array;
}

/** What no phone of ours writes, whatever the record's time: builders and parsers both refuse it. */
function isCourtDate({ slots, expiresAt, sealedDetails }: CourtDateFields): boolean {
  const { length } = sealedDetails;
  return slotsProblem(slots) === null && Number.isSafeInteger(expiresAt) && expiresAt % DAY_MS === 0 && length >= COURT_SEALED_BYTES.min && length <= COURT_SEALED_BYTES.max;
}

export function courtDateBody(fields: CourtDateFields): Map<number, CborValue> {
  if (!isCourtDate(fields)) throw new RangeError('invalid court date');
  return new Map<number, CborValue>([
    [DateKey.Slots, new Map(fields.slots.map(({ help, count }) => [codeOf(COURT_HELP, help), count]))],
    [DateKey.ExpiresAt, fields.expiresAt],
    [DateKey.Sealed, fields.sealedDetails],
  ]);
}

export function parseCourtDate(envelope: Envelope): CourtDatePosted | undefined {
  const body = bodyOf(envelope, 'court.date', [DateKey.Slots, DateKey.ExpiresAt, DateKey.Sealed]);
  const slots = body && parseSlots(mapField(body, DateKey.Slots));
  const expiresAt = body && uintField(body, DateKey.ExpiresAt);
  const sealedDetails = body?.get(DateKey.Sealed);
  if (slots === undefined || expiresAt === undefined || !(sealedDetails instanceof Uint8Array)) return undefined;
  const fields = { slots, expiresAt, sealedDetails };
  // Posted before the hearing, and not absurdly far ahead: a day for the grace after it.
  const { at } = envelope.payload;
  if (!isCourtDate(fields) || expiresAt <= at || expiresAt > at + COURT_LIMITS.aheadMs + 2 * DAY_MS) return undefined;
  return { kind: 'court.date', ...meta(envelope), ...fields };
}

/** Canonical CBOR sorts map keys, so the slots come out in COURT_HELP order. */
function parseSlots(map: CborMap | undefined): CourtSlot[] | undefined {
  if (map === undefined) return undefined;
  const slots: CourtSlot[] = [];
  for (const [code, count] of map) {
    const help = decodeCode(COURT_HELP, code);
    if (help === undefined || typeof count !== 'number') return undefined;
    slots.push({ help, count });
  }
  return slots;
}

export function courtSignupBody(date: RecordId, help: CourtHelp): Map<number, CborValue> {
  return new Map<number, CborValue>([
    [SignupKey.Date, recordIdBytes(date)],
    [SignupKey.Help, codeOf(COURT_HELP, help)],
  ]);
}

export function parseCourtSignup(envelope: Envelope): CourtSignedUp | undefined {
  const body = bodyOf(envelope, 'court.signup', [SignupKey.Date, SignupKey.Help]);
  const date = body && idField(body, SignupKey.Date);
  const help = body && decodeCode(COURT_HELP, uintField(body, SignupKey.Help));
  return date === undefined || help === undefined ? undefined : { kind: 'court.signup', ...meta(envelope), date, help };
}

/** The body of a withdrawal (naming the sign-up) or a cancellation (naming the date). */
export function courtReferenceBody(id: RecordId): Map<number, CborValue> {
  return new Map<number, CborValue>([[0, recordIdBytes(id)]]);
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
