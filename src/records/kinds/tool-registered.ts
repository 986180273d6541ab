/**
 * A tool joins the library: its name, category, checklist of accessories,
 * care notes, loan period and an optional small photo. The record's id is
 * the tool's id, and the first handoff's offer names it as `after`.
 *
 * Body: 0 name  1 category (index in TOOL_CATEGORIES)  2 area id (absent: none)
 *   3 accessories  4 care notes  5 replacement value (absent: none)  6 loan days
 *   7 photo (absent: none)
 */
import type { CborValue } from '../cbor';
import { toBase64Url } from '../bytes';
import { hasOnlyKeys, nameField, uintField } from '../fields';
import type { Envelope } from '../envelope';
import type { EventMeta, RecordId } from '../../domain/events';
import { TOOL_CATEGORIES } from '../../domain/tool-events';
import type { ToolRegistered } from '../../domain/tool-events';
import { isNormalizedName } from '../../domain/names';
import { KIND_CODES } from './codes';
import { isOptionalText, optionalIdField, optionalTextField, recordIdBytes, RECORD_ID_BYTES } from './tool-fields';

export const TOOL_LIMITS = {
  nameChars: 60,
  accessories: 16,
  accessoryChars: 40,
  careNotesChars: 600,
  loanDaysMin: 1,
  loanDaysMax: 365,
  replacementMax: 1_000_000,
  photoBytes: 30 * 1024,
} as const;

/** What a registration says about the tool: the event without who and when. */
export type ToolFields = Omit<ToolRegistered, keyof EventMeta | 'kind'>;

export type ToolFieldProblem = 'name' | 'category' | 'accessories' | 'care-notes' | 'replacement-value' | 'loan-days' | 'photo' | 'area';

const enum Body { Name = 0, Category = 1, Area = 2, Accessories = 3, CareNotes = 4, Replacement = 5, LoanDays = 6, Photo = 7 }
const BODY_KEYS = [Body.Name, Body.Category, Body.Area, Body.Accessories, Body.CareNotes, Body.Replacement, Body.LoanDays, Body.Photo];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + prefix.length && prefix.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** The image format a photo's first bytes announce; anything else is not a photo a record may carry. */
export function photoType(bytes: Uint8Array): 'jpeg' | 'webp' | 'png' | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, ascii('IHDR'), 12)) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    // The RIFF header gives the file's length: a cut or padded file is refused.
    const size = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0;
    return size + 8 === bytes.length ? 'webp' : null;
  }
  return null;
}

function isAccessoryList(accessories: readonly string[]): boolean {
  if (accessories.length > TOOL_LIMITS.accessories) return false;
  // The checklist is ticked by position: two equal lines could not be told apart.
  if (new Set(accessories).size !== accessories.length) return false;
  return accessories.every((item) => typeof item === 'string' && isNormalizedName(item, TOOL_LIMITS.accessoryChars));
}

function isRecordId(id: RecordId): boolean {
  try {
    return recordIdBytes(id).length === RECORD_ID_BYTES;
  } catch {
    return false;
  }
}

/** The first field that breaks the rules, so a form can say which; null when all are fine. */
export function checkToolFields(fields: ToolFields): ToolFieldProblem | null {
  if (!isNormalizedName(fields.name, TOOL_LIMITS.nameChars)) return 'name';
  if (!TOOL_CATEGORIES.includes(fields.category)) return 'category';
  if (fields.area !== null && !isRecordId(fields.area)) return 'area';
  if (!isAccessoryList(fields.accessories)) return 'accessories';
  if (!isOptionalText(fields.careNotes, TOOL_LIMITS.careNotesChars)) return 'care-notes';
  const value = fields.replacementValue;
  if (value !== null && (!Number.isInteger(value) || value < 0 || value > TOOL_LIMITS.replacementMax)) return 'replacement-value';
  const days = fields.loanDays;
  if (!Number.isInteger(days) || days < TOOL_LIMITS.loanDaysMin || days > TOOL_LIMITS.loanDaysMax) return 'loan-days';
  if (fields.photo !== null && (fields.photo.length > TOOL_LIMITS.photoBytes || photoType(fields.photo) === null)) return 'photo';
  return null;
}

export function toolRegisteredBody(fields: ToolFields): Map<number, CborValue> {
  const problem = checkToolFields(fields);
  if (problem !== null) throw new RangeError(`invalid tool: ${problem}`);
  const body = new Map<number, CborValue>([
    [Body.Name, fields.name],
    [Body.Category, TOOL_CATEGORIES.indexOf(fields.category)],
    [Body.Accessories, [...fields.accessories]],
    [Body.CareNotes, fields.careNotes],
    [Body.LoanDays, fields.loanDays],
  ]);
  if (fields.area !== null) body.set(Body.Area, recordIdBytes(fields.area));
  if (fields.replacementValue !== null) body.set(Body.Replacement, fields.replacementValue);
  if (fields.photo !== null) body.set(Body.Photo, fields.photo);
  return body;
}

export function parseToolRegistered(envelope: Envelope): ToolRegistered | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['tool.registered'] || !hasOnlyKeys(body, BODY_KEYS)) return undefined;
  const name = nameField(body, Body.Name, TOOL_LIMITS.nameChars);
  const categoryCode = uintField(body, Body.Category);
  const category = categoryCode === undefined ? undefined : TOOL_CATEGORIES[categoryCode];
  const area = optionalIdField(body, Body.Area);
  const list = body.get(Body.Accessories);
  const careNotes = optionalTextField(body, Body.CareNotes, TOOL_LIMITS.careNotesChars);
  const replacementValue = body.has(Body.Replacement) ? uintField(body, Body.Replacement) : null;
  const loanDays = uintField(body, Body.LoanDays);
  const photoValue = body.get(Body.Photo);
  const photo = photoValue === undefined ? null : photoValue instanceof Uint8Array ? photoValue : undefined;
  if (name === undefined || category === undefined || area === undefined || !Array.isArray(list) || careNotes === undefined) return undefined;
  if (replacementValue === undefined || loanDays === undefined || photo === undefined) return undefined;
  if (!list.every((item): item is string => typeof item === 'string')) return undefined;
  const fields: ToolFields = { name, category, area, accessories: list, careNotes, replacementValue, loanDays, photo };
  if (checkToolFields(fields) !== null) return undefined;
  return { kind: 'tool.registered', id: envelope.id, author: toBase64Url(author), at, ...fields };
}
