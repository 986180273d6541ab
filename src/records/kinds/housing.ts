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
 * phone of ours would write. Every phone parses on its first screen, while
 * only the housing screen writes, so the bodies are built in housing-bodies.ts,
 * which loads with that screen.
 */
import type { CborMap } from '../cbor';
import { uintField } from '../fields';
import type { Envelope } from '../envelope';
import { CLOSE_REASONS, isDayNear, isValidNights, isValidPeople } from '../../domain/housing/events';
import type { HousingClosed, HousingRequested, HousingStay, HousingStayEnded } from '../../domain/housing/events';
import { bodyOf, decodeCode, idField, meta } from './tool-fields';

/** A few lines about who needs a roof and why, sealed: well under this. */
export const MAX_SEALED_NOTE = 2048;
const MIN_SEALED_NOTE = 24 + 16 + 1;

// Keys run 0, 1, 2... in the order above, which the builders (housing-bodies.ts) follow.
const enum Requested { People = 0, Nights = 1, From = 2, Accessible = 3, Neighbour = 4, Note = 5 }
const enum Stay { Request = 0, People = 1, Nights = 2, From = 3 }
const enum Closed { Request = 0, Reason = 1 }
const enum Ended { Stay = 0, Day = 1 }

/** What a request and a stay both say: how many people, how many nights, from which night. */
export type StayFields = Pick<HousingStay, 'people' | 'nights' | 'from'>;

export function isSealedNote(note: Uint8Array | null): boolean {
  return note === null || (note.length >= MIN_SEALED_NOTE && note.length <= MAX_SEALED_NOTE);
}

export function parseHousingRequested(envelope: Envelope): HousingRequested | undefined {
  const body = bodyOf(envelope, 'housing.requested', [Requested.People, Requested.Nights, Requested.From, Requested.Accessible, Requested.Neighbour, Requested.Note]);
  const stay = body && stayFields(envelope, body, Requested.People);
  const accessible = body?.get(Requested.Accessible);
  const neighbour = body?.get(Requested.Neighbour);
  const noteValue = body?.get(Requested.Note);
  // A CBOR null is refused like any other value that is not sealed bytes: an absent note has one spelling.
  const note = noteValue === undefined ? null : noteValue instanceof Uint8Array && isSealedNote(noteValue) ? noteValue : undefined;
  if (stay === undefined || typeof accessible !== 'boolean' || typeof neighbour !== 'boolean' || note === undefined) return undefined;
  return { kind: 'housing.requested', ...meta(envelope), ...stay, accessible, neighbour, sealedNote: note };
}

export function parseHousingStay(envelope: Envelope): HousingStay | undefined {
  const body = bodyOf(envelope, 'housing.stay', [Stay.Request, Stay.People, Stay.Nights, Stay.From]);
  const request = body && idField(body, Stay.Request);
  const stay = body && stayFields(envelope, body, Stay.People);
  return request === undefined || stay === undefined ? undefined : { kind: 'housing.stay', ...meta(envelope), request, ...stay };
}

export function parseHousingClosed(envelope: Envelope): HousingClosed | undefined {
  const body = bodyOf(envelope, 'housing.closed', [Closed.Request, Closed.Reason]);
  const request = body && idField(body, Closed.Request);
  const reason = body && decodeCode(CLOSE_REASONS, uintField(body, Closed.Reason));
  return request === undefined || reason === undefined ? undefined : { kind: 'housing.closed', ...meta(envelope), request, reason };
}

export function parseHousingStayEnded(envelope: Envelope): HousingStayEnded | undefined {
  const body = bodyOf(envelope, 'housing.stay.ended', [Ended.Stay, Ended.Day]);
  const stay = body && idField(body, Ended.Stay);
  const day = body && uintField(body, Ended.Day);
  return stay === undefined || day === undefined || !isDayNear(day, envelope.payload.at) ? undefined : { kind: 'housing.stay.ended', ...meta(envelope), stay, day };
}

/** People, nights and the first night at keys `first`, `first + 1`, `first + 2`: each in range, the day near the record's time. */
function stayFields(envelope: Envelope, body: CborMap, first: number): StayFields | undefined {
  const [people = 0, nights = 0, from = -1] = [first, first + 1, first + 2].map((key) => uintField(body, key));
  return isValidPeople(people) && isValidNights(nights) && isDayNear(from, envelope.payload.at) ? { people, nights, from } : undefined;
}
