/**
 * An exchange is made of two signatures by two people. The first party signs a
 * draft and shows it as a code; the second party checks it and signs a record
 * whose body is the draft, byte for byte. So a record still has one author
 * (the countersigner) and the draft carries the other signature inside it.
 *
 * Draft = canonical CBOR [payload bytes, signature]; payload is the map
 *   0: version  1: circle id  2: first party's key  3: time (first party's clock)
 *   4: role (0 provider, 1 receiver)  5: quarter hours  6: skill  7: note  8: seats
 * signed for the purpose 'exchange-draft', so a draft can never pass as a record.
 * The draft's id is the hash of its bytes: every countersignature of one draft
 * names the same id, which is how two countersigners of one draft are noticed.
 */
import { openSignedPayload } from '../signed-payload';
import type { CborMap, CborValue } from '../cbor';
import { bytesEqual, toBase64Url, utf8 } from '../bytes';
import { hash, KEY_BYTES } from '../crypto';
import type { SignatureGate } from '../crypto';
import { bytesField, hasOnlyKeys, textField, uintField } from '../fields';
import { CIRCLE_ID_BYTES, EARLIEST_RECORD_TIME, LATEST_RECORD_TIME } from '../envelope';
import type { Envelope } from '../envelope';
import { err, ok } from '../result';
import type { Result } from '../result';
import type { ExchangeConfirmed, ExchangeDraft, ExchangeRole, SkillRef } from '../../domain/events';
import { isNormalizedName } from '../../domain/names';
import { decodeSkill, encodeSkill } from './skill-codes';
import { KIND_CODES } from './codes';

export const MAX_QUARTERS = 48;
export const MAX_SEATS = 40;
export const MAX_NOTE_CHARS = 40;
/** Keeps the whole draft under 200 bytes and its framed code at QR version 10 (311 characters at level M). */
export const MAX_NOTE_BYTES = 44;
const DRAFT_VERSION = 1;
export const DRAFT_PURPOSE = 'exchange-draft';

const enum Draft { Version = 0, Circle = 1, Author = 2, At = 3, Role = 4, Quarters = 5, Skill = 6, Note = 7, Seats = 8 }
const DRAFT_KEYS = [Draft.Version, Draft.Circle, Draft.Author, Draft.At, Draft.Role, Draft.Quarters, Draft.Skill, Draft.Note, Draft.Seats];

export interface DraftFields {
  readonly circle: Uint8Array;
  readonly at: number;
  readonly role: ExchangeRole;
  readonly quarters: number;
  readonly skill: SkillRef;
  readonly note: string;
  readonly seats: number;
}

export interface ParsedDraft extends ExchangeDraft {
  readonly circle: Uint8Array;
  readonly bytes: Uint8Array;
}

export type DraftProblem = 'malformed' | 'invalid-fields' | 'bad-signature';

export function isValidNote(note: string): boolean {
  return note === '' || (isNormalizedName(note, MAX_NOTE_CHARS) && utf8(note).length <= MAX_NOTE_BYTES);
}

function fieldsAreValid(role: ExchangeRole, quarters: number, seats: number, note: string): boolean {
  if (!Number.isInteger(quarters) || quarters < 1 || quarters > MAX_QUARTERS) return false;
  if (!Number.isInteger(seats) || seats < 1 || seats > MAX_SEATS) return false;
  // Only a provider can serve a group; a receiver's draft names one helper.
  if (seats > 1 && role !== 'provider') return false;
  return isValidNote(note);
}

/** The map a draft's author signs (make.ts, makeExchangeDraft); throws on fields the rules refuse. */
export function exchangeDraftMap(fields: DraftFields, author: Uint8Array): CborMap {
  if (!fieldsAreValid(fields.role, fields.quarters, fields.seats, fields.note)) throw new RangeError('invalid exchange draft');
  return new Map<number, CborValue>([
    [Draft.Version, DRAFT_VERSION],
    [Draft.Circle, fields.circle],
    [Draft.Author, author],
    [Draft.At, Math.floor(fields.at)],
    [Draft.Role, fields.role === 'provider' ? 0 : 1],
    [Draft.Quarters, fields.quarters],
    [Draft.Skill, encodeSkill(fields.skill)],
    [Draft.Note, fields.note],
    [Draft.Seats, fields.seats],
  ]);
}

/**
 * Reads and checks a draft: its shape, its rules and its author's signature
 * over the exact bytes, through the gate (signatures.ts verify to check it
 * now; alreadyChecked for a draft this phone made or verified before).
 */
export function parseExchangeDraft(bytes: Uint8Array, checkSignature: SignatureGate): Result<ParsedDraft, DraftProblem> {
  const opened = openSignedPayload(bytes, DRAFT_KEYS);
  if (opened === undefined) return err('malformed');
  const { payload, signature, map } = opened;
  const version = uintField(map, Draft.Version);
  const circle = bytesField(map, Draft.Circle, CIRCLE_ID_BYTES);
  const author = bytesField(map, Draft.Author, KEY_BYTES);
  const at = uintField(map, Draft.At);
  const roleCode = uintField(map, Draft.Role);
  const quarters = uintField(map, Draft.Quarters);
  const skill = decodeSkill(map.get(Draft.Skill));
  const note = textField(map, Draft.Note, MAX_NOTE_BYTES);
  const seats = uintField(map, Draft.Seats);
  if (version !== DRAFT_VERSION || circle === undefined || author === undefined || at === undefined) return err('malformed');
  if (roleCode === undefined || quarters === undefined || skill === undefined || note === undefined || seats === undefined) {
    return err('invalid-fields');
  }
  if (roleCode > 1 || at < EARLIEST_RECORD_TIME || at >= LATEST_RECORD_TIME) return err('invalid-fields');
  const role: ExchangeRole = roleCode === 0 ? 'provider' : 'receiver';
  if (!fieldsAreValid(role, quarters, seats, note)) return err('invalid-fields');
  if (!checkSignature(DRAFT_PURPOSE, signature, payload, author)) return err('bad-signature');
  return ok({ id: toBase64Url(hash(bytes)), author: toBase64Url(author), at, role, quarters, skill, note, seats, circle, bytes });
}

const enum Body { Draft = 0 }

export function exchangeConfirmedBody(draftBytes: Uint8Array): Map<number, CborValue> {
  return new Map<number, CborValue>([[Body.Draft, draftBytes]]);
}

export function parseExchangeConfirmed(envelope: Envelope, checkInner: SignatureGate): ExchangeConfirmed | undefined {
  const { body, author, at, circle, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['exchange.confirmed'] || !hasOnlyKeys(body, [Body.Draft])) return undefined;
  const draftBytes = body.get(Body.Draft);
  if (!(draftBytes instanceof Uint8Array)) return undefined;
  const draft = parseExchangeDraft(draftBytes, checkInner);
  if (!draft.ok || !bytesEqual(draft.value.circle, circle)) return undefined;
  const countersigner = toBase64Url(author);
  if (countersigner === draft.value.author) return undefined;
  const { id, author: draftAuthor, at: draftAt, role, quarters, skill, note, seats } = draft.value;
  return {
    kind: 'exchange.confirmed',
    id: envelope.id,
    author: countersigner,
    at,
    draft: { id, author: draftAuthor, at: draftAt, role, quarters, skill, note, seats },
  };
}

