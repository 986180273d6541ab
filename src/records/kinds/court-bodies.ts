/**
 * The bodies of court records as this phone signs them, keyed as court.ts
 * lays them out (its tests read back every body built here), refusing what
 * the parsers or the projection would not take. They live apart from the
 * parsers because every phone loads the parsers with its first screen, and
 * only a member using the court screens signs these.
 */
import type { CborValue } from '../cbor';
import { COURT_HELP } from '../../domain/court/events';
import type { CourtHelp, CourtSlot, RecordId } from '../../domain/court/events';
import { isCourtExpiry, slotsProblem } from '../../domain/court/rules';
import { isCourtSealed } from './court';
import { codeOf, recordIdBytes } from './tool-fields';

export interface CourtDateFields {
  readonly slots: readonly CourtSlot[];
  readonly expiresAt: number;
  readonly sealedDetails: Uint8Array;
}

/** `at` is the time the record will carry: what the parser or the projection would refuse is a RangeError. */
export function courtDateBody(fields: CourtDateFields, at: number): Map<number, CborValue> {
  if (slotsProblem(fields.slots) !== null || !isCourtExpiry(fields.expiresAt, at) || !isCourtSealed(fields.sealedDetails)) throw new RangeError('invalid court date');
  return new Map<number, CborValue>([
    [0, new Map(fields.slots.map(({ help, count }) => [codeOf(COURT_HELP, help), count]))],
    [1, fields.expiresAt],
    [2, fields.sealedDetails],
  ]);
}

export function courtSignupBody(date: RecordId, help: CourtHelp): Map<number, CborValue> {
  return new Map<number, CborValue>([
    [0, recordIdBytes(date)],
    [1, codeOf(COURT_HELP, help)],
  ]);
}

/** The body of a withdrawal (naming the sign-up) or a cancellation (naming the date). */
export function courtReferenceBody(id: RecordId): Map<number, CborValue> {
  return new Map<number, CborValue>([[0, recordIdBytes(id)]]);
}
