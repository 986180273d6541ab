/**
 * A tool changes hands by two signatures, as an exchange does. The holder
 * signs an offer and shows it as a code; the receiver checks the tool, ticks
 * the accessories they found and countersigns a record whose body carries the
 * offer byte for byte. The record's author is the receiver.
 *
 * Offer = canonical CBOR [payload bytes, signature]; payload is the map
 *   0: version  1: circle id  2: holder's key  3: time (holder's clock)
 *   4: tool id (its registration)  5: after (the handoff that gave the holder the tool, or the registration)
 * signed for the purpose 'tool-handoff', so an offer can never pass as a record
 * or an exchange draft. The offer's id is the hash of its bytes: two receivers
 * countersigning one offer name the same id, which is how a conflict shows.
 *
 * Body: 0 offer  1 role (0 loan, 1 host)  2 accessories present (bit per position)
 *   3 condition (0 good, 1 worn, 2 damaged)  4 area id (absent: none)  5 note
 */
import { openSignedPayload } from '../signed-payload';
import type { CborMap, CborValue } from '../cbor';
import { bytesEqual, toBase64Url } from '../bytes';
import { hash, KEY_BYTES } from '../crypto';
import type { SignatureGate } from '../crypto';
import { bytesField, hasOnlyKeys, uintField } from '../fields';
import { CIRCLE_ID_BYTES, EARLIEST_RECORD_TIME, LATEST_RECORD_TIME } from '../envelope';
import type { Envelope } from '../envelope';
import { err, ok } from '../result';
import type { Result } from '../result';
import type { RecordId } from '../../domain/events';
import type { CustodyRole, HandoffOffer, ToolCondition, ToolHandedOver } from '../../domain/tool-events';
import { KIND_CODES } from './codes';
import { CONDITIONS, codeOf, decodeCode, idField, isNote, isPresentMask, noteField, optionalIdField, recordIdBytes } from './tool-fields';

export const MAX_HANDOFF_NOTE_CHARS = 140;
/** The offer is shown as a QR code: it must stay small whatever its fields. */
export const MAX_OFFER_BYTES = 250;
const OFFER_VERSION = 1;
export const OFFER_PURPOSE = 'tool-handoff';
const ROLES: readonly CustodyRole[] = ['loan', 'host'];

const enum Offer { Version = 0, Circle = 1, Holder = 2, At = 3, Tool = 4, After = 5 }
const OFFER_KEYS = [Offer.Version, Offer.Circle, Offer.Holder, Offer.At, Offer.Tool, Offer.After];

export interface OfferFields {
  readonly circle: Uint8Array;
  readonly tool: RecordId;
  readonly after: RecordId;
  readonly at: number;
}

export interface ParsedOffer extends HandoffOffer {
  readonly circle: Uint8Array;
  readonly bytes: Uint8Array;
}

export type OfferProblem = 'malformed' | 'invalid-fields' | 'bad-signature';

/** The map a holder signs (make.ts, makeHandoffOffer); throws on fields the rules refuse. */
export function handoffOfferMap(fields: OfferFields, holder: Uint8Array): CborMap {
  const at = Math.floor(fields.at);
  if (fields.circle.length !== CIRCLE_ID_BYTES || !(at >= EARLIEST_RECORD_TIME && at < LATEST_RECORD_TIME)) {
    throw new RangeError('invalid handoff offer');
  }
  return new Map<number, CborValue>([
    [Offer.Version, OFFER_VERSION],
    [Offer.Circle, fields.circle],
    [Offer.Holder, holder],
    [Offer.At, at],
    [Offer.Tool, recordIdBytes(fields.tool)],
    [Offer.After, recordIdBytes(fields.after)],
  ]);
}

/**
 * Reads and checks an offer: its shape, its fields and the holder's signature
 * over the exact bytes, through the gate (signatures.ts verify to check it
 * now; alreadyChecked for an offer this phone verified before).
 */
export function parseHandoffOffer(bytes: Uint8Array, checkSignature: SignatureGate): Result<ParsedOffer, OfferProblem> {
  if (bytes.length > MAX_OFFER_BYTES) return err('malformed');
  const opened = openSignedPayload(bytes, OFFER_KEYS);
  if (opened === undefined) return err('malformed');
  const { payload, signature, map } = opened;
  const version = uintField(map, Offer.Version);
  const circle = bytesField(map, Offer.Circle, CIRCLE_ID_BYTES);
  const holder = bytesField(map, Offer.Holder, KEY_BYTES);
  const at = uintField(map, Offer.At);
  const tool = idField(map, Offer.Tool);
  const after = idField(map, Offer.After);
  if (version !== OFFER_VERSION || circle === undefined || holder === undefined || at === undefined) return err('malformed');
  if (tool === undefined || after === undefined || at < EARLIEST_RECORD_TIME || at >= LATEST_RECORD_TIME) return err('invalid-fields');
  if (!checkSignature(OFFER_PURPOSE, signature, payload, holder)) return err('bad-signature');
  return ok({ id: toBase64Url(hash(bytes)), tool, holder: toBase64Url(holder), after, at, circle, bytes });
}

export interface HandoffFields {
  readonly role: CustodyRole;
  /** The accessories found, a bit per checklist position: below 2^16. */
  readonly present: number;
  readonly condition: ToolCondition;
  readonly area: RecordId | null;
  readonly note: string;
}

const enum Body { Offer = 0, Role = 1, Present = 2, Condition = 3, Area = 4, Note = 5 }
const BODY_KEYS = [Body.Offer, Body.Role, Body.Present, Body.Condition, Body.Area, Body.Note];

export function toolHandoffBody(offerBytes: Uint8Array, fields: HandoffFields): Map<number, CborValue> {
  if (!isPresentMask(fields.present) || !isNote(fields.note, MAX_HANDOFF_NOTE_CHARS)) throw new RangeError('invalid handoff');
  const body = new Map<number, CborValue>([
    [Body.Offer, offerBytes],
    [Body.Role, codeOf(ROLES, fields.role)],
    [Body.Present, fields.present],
    [Body.Condition, codeOf(CONDITIONS, fields.condition)],
    [Body.Note, fields.note],
  ]);
  if (fields.area !== null) body.set(Body.Area, recordIdBytes(fields.area));
  return body;
}

export function parseToolHandoff(envelope: Envelope, checkInner: SignatureGate): ToolHandedOver | undefined {
  const { body, author, at, circle, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['tool.handoff'] || !hasOnlyKeys(body, BODY_KEYS)) return undefined;
  const offerBytes = body.get(Body.Offer);
  if (!(offerBytes instanceof Uint8Array)) return undefined;
  const role = decodeCode(ROLES, uintField(body, Body.Role));
  const present = uintField(body, Body.Present);
  const condition = decodeCode(CONDITIONS, uintField(body, Body.Condition));
  const area = optionalIdField(body, Body.Area);
  const note = noteField(body, Body.Note, MAX_HANDOFF_NOTE_CHARS);
  if (role === undefined || present === undefined || !isPresentMask(present) || condition === undefined) return undefined;
  if (area === undefined || note === undefined) return undefined;
  const offer = parseHandoffOffer(offerBytes, checkInner);
  if (!offer.ok || !bytesEqual(offer.value.circle, circle)) return undefined;
  const receiver = toBase64Url(author);
  // Handing a tool to oneself moves nothing and would hide who holds it.
  if (receiver === offer.value.holder) return undefined;
  const { id, tool, holder, after, at: offeredAt } = offer.value;
  return {
    kind: 'tool.handoff',
    id: envelope.id,
    author: receiver,
    at,
    offer: { id, tool, holder, after, at: offeredAt },
    role,
    present,
    condition,
    area,
    note,
  };
}
