/**
 * Housing in a crisis: asking, hosting, closing, ending a stay early. Bodies:
 *   housing.requested   0 people  1 nights  2 first night (a day number)  3 step-free access needed
 *                       4 asked for a neighbour  5 sealed note (records/sealed-field.ts); absent: none
 *   housing.stay        0 request  1 people  2 nights  3 first night
 *   housing.closed      0 request  1 reason (the position in CLOSE_REASONS)
 *   housing.stay.ended  0 stay  1 the day the guest left
 * Requests and stays are named by their 32-byte record ids. Days must lie near
 * the record's own time (domain/housing isDayNear). Who may do what is for the
 * projection (domain/housing/) to decide; these parsers refuse only what no
 * phone of ours would write.
 */
import type { CborValue } from '../cbor';
import { uintField } from '../fields';
import type { Envelope } from '../envelope';
import type { RecordId } from '../../domain/events';
import { CLOSE_REASONS, isDayNear, isValidNights, isValidPeople } from '../../domain/housing/events';
import type { CloseReason, HousingClosed, HousingRequested, HousingStay, HousingStayEnded } from '../../domain/housing/events';
import { bodyOf, codeOf, decodeCode, idField, meta, recordIdBytes } from './tool-fields';

/** A few lines about who needs a roof and why, sealed: well under this. */
export const MAX_SEALED_NOTE = 2048;
const MIN_SEALED_NOTE = 24 + 16 + 1;

const enum Requested { People = 0, Nights = 1, From = 2, Accessible = 3, Neighbour = 4, Note = 5 }
const enum Stay { Request = 0, People = 1, Nights = 2, From = 3 }
const enum Closed { Request = 0, Reason = 1 }
const enum Ended { Stay = 0, Day = 1 }

export interface HousingRequestFields {
  readonly people: number;
  readonly nights: number;
  readonly from: number;
  readonly accessible: boolean;
  readonly neighbour: boolean;
  readonly sealedNote: Uint8Array | null;
}

export interface StayFields {
  readonly people: number;
  readonly nights: number;
  readonly from: number;
}

function isDay(day: number): boolean {
  return Number.isSafeInteger(day) && day >= 0;
}

function isSealedNote(note: Uint8Array | null): boolean {
  return note === null || (note.length >= MIN_SEALED_NOTE && note.length <= MAX_SEALED_NOTE);
}

function checkStay(fields: StayFields): void {
  if (!isValidPeople(fields.people) || !isValidNights(fields.nights) || !isDay(fields.from)) throw new RangeError('invalid housing: people, nights or day');
}

export function housingRequestedBody(fields: HousingRequestFields): Map<number, CborValue> {
  checkStay(fields);
  if (!isSealedNote(fields.sealedNote)) throw new RangeError('invalid housing: sealed note out of bounds');
  const body = new Map<number, CborValue>([
    [Requested.People, fields.people],
    [Requested.Nights, fields.nights],
    [Requested.From, fields.from],
    [Requested.Accessible, fields.accessible],
    [Requested.Neighbour, fields.neighbour],
  ]);
  if (fields.sealedNote !== null) body.set(Requested.Note, fields.sealedNote);
  return body;
}

export function parseHousingRequested(envelope: Envelope): HousingRequested | undefined {
  const body = bodyOf(envelope, 'housing.requested', [Requested.People, Requested.Nights, Requested.From, Requested.Accessible, Requested.Neighbour, Requested.Note]);
  if (body === undefined) return undefined;
  const stay = stayFields(envelope, body.get(Requested.People), body.get(Requested.Nights), body.get(Requested.From));
  const accessible = body.get(Requested.Accessible);
  const neighbour = body.get(Requested.Neighbour);
  const noteValue = body.get(Requested.Note);
  const note = noteValue === undefined ? null : noteValue instanceof Uint8Array && isSealedNote(noteValue) ? noteValue : undefined;
  if (stay === undefined || typeof accessible !== 'boolean' || typeof neighbour !== 'boolean' || note === undefined) return undefined;
  return { kind: 'housing.requested', ...meta(envelope), ...stay, accessible, neighbour, sealedNote: note };
}

export function housingStayBody(request: RecordId, fields: StayFields): Map<number, CborValue> {
  checkStay(fields);
  return new Map<number, CborValue>([
    [Stay.Request, recordIdBytes(request)],
    [Stay.People, fields.people],
    [Stay.Nights, fields.nights],
    [Stay.From, fields.from],
  ]);
}

export function parseHousingStay(envelope: Envelope): HousingStay | undefined {
  const body = bodyOf(envelope, 'housing.stay', [Stay.Request, Stay.People, Stay.Nights, Stay.From]);
  const request = body && idField(body, Stay.Request);
  const stay = body && stayFields(envelope, body.get(Stay.People), body.get(Stay.Nights), body.get(Stay.From));
  return request === undefined || stay === undefined ? undefined : { kind: 'housing.stay', ...meta(envelope), request, ...stay };
}

export function housingClosedBody(request: RecordId, reason: CloseReason): Map<number, CborValue> {
  return new Map<number, CborValue>([
    [Closed.Request, recordIdBytes(request)],
    [Closed.Reason, codeOf(CLOSE_REASONS, reason)],
  ]);
}

export function parseHousingClosed(envelope: Envelope): HousingClosed | undefined {
  const body = bodyOf(envelope, 'housing.closed', [Closed.Request, Closed.Reason]);
  const request = body && idField(body, Closed.Request);
  const reason = body && decodeCode(CLOSE_REASONS, uintField(body, Closed.Reason));
  return request === undefined || reason === undefined ? undefined : { kind: 'housing.closed', ...meta(envelope), request, reason };
}

export function housingStayEndedBody(stay: RecordId, day: number): Map<number, CborValue> {
  if (!isDay(day)) throw new RangeError('invalid housing: day');
  return new Map<number, CborValue>([
    [Ended.Stay, recordIdBytes(stay)],
    [Ended.Day, day],
  ]);
}

export function parseHousingStayEnded(envelope: Envelope): HousingStayEnded | undefined {
  const body = bodyOf(envelope, 'housing.stay.ended', [Ended.Stay, Ended.Day]);
  const stay = body && idField(body, Ended.Stay);
  const day = body?.get(Ended.Day);
  if (stay === undefined || typeof day !== 'number' || !isDayNear(day, envelope.payload.at)) return undefined;
  return { kind: 'housing.stay.ended', ...meta(envelope), stay, day };
}

/** People, nights and the first night, each in range, the day near the record's time. */
function stayFields(envelope: Envelope, people: CborValue | undefined, nights: CborValue | undefined, from: CborValue | undefined): StayFields | undefined {
  if (typeof people !== 'number' || typeof nights !== 'number' || typeof from !== 'number') return undefined;
  if (!isValidPeople(people) || !isValidNights(nights) || !isDayNear(from, envelope.payload.at)) return undefined;
  return { people, nights, from };
}
