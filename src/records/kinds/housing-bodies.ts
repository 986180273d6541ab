/**
 * The bodies of the housing records, laid out in housing.ts, whose parsers
 * every phone needs from its first screen; kept apart so that they load only
 * with the housing screen. Every housing body holds keys 0, 1, 2... in the
 * order housing.ts lists them, so a builder lists the values in that order.
 * Each refuses, with a RangeError, what the parsers would refuse.
 */
import type { CborValue } from '../cbor';
import type { RecordId } from '../../domain/events';
import { CLOSE_REASONS, isValidNights, isValidPeople } from '../../domain/housing/events';
import type { CloseReason, HousingRequested } from '../../domain/housing/events';
import { codeOf, recordIdBytes } from './tool-fields';
import { isSealedNote } from './housing';
import type { StayFields } from './housing';

export type HousingRequestFields = StayFields & Pick<HousingRequested, 'accessible' | 'neighbour' | 'sealedNote'>;

/** A body whose keys are the values' positions; an absent optional field comes last and is left out. */
function bodyFrom(values: readonly (CborValue | null)[]): Map<number, CborValue> {
  const body = new Map<number, CborValue>();
  values.forEach((value, key) => value !== null && body.set(key, value));
  return body;
}

function isDay(day: number): boolean {
  return Number.isSafeInteger(day) && day >= 0;
}

function checkStay(fields: StayFields): void {
  if (!isValidPeople(fields.people) || !isValidNights(fields.nights) || !isDay(fields.from)) throw new RangeError('invalid housing: people, nights or day');
}

export function housingRequestedBody(fields: HousingRequestFields): Map<number, CborValue> {
  checkStay(fields);
  if (!isSealedNote(fields.sealedNote)) throw new RangeError('invalid housing: sealed note out of bounds');
  return bodyFrom([fields.people, fields.nights, fields.from, fields.accessible, fields.neighbour, fields.sealedNote]);
}

export function housingStayBody(request: RecordId, fields: StayFields): Map<number, CborValue> {
  checkStay(fields);
  return bodyFrom([recordIdBytes(request), fields.people, fields.nights, fields.from]);
}

export function housingClosedBody(request: RecordId, reason: CloseReason): Map<number, CborValue> {
  return bodyFrom([recordIdBytes(request), codeOf(CLOSE_REASONS, reason)]);
}

export function housingStayEndedBody(stay: RecordId, day: number): Map<number, CborValue> {
  if (!isDay(day)) throw new RangeError('invalid housing: day');
  return bodyFrom([recordIdBytes(stay), day]);
}
