/**
 * Field rules shared by the tool library's record kinds: record ids carried
 * as 32 bytes, the condition and accessory codes, short notes, and longer
 * texts that may run over several lines (care notes, repairs, tutorials).
 */
import type { CborMap } from '../cbor';
import { fromBase64Url, toBase64Url, utf8 } from '../bytes';
import { hasOnlyKeys, textField } from '../fields';
import type { Envelope } from '../envelope';
import type { CircleEventKind, EventMeta, RecordId } from '../../domain/events';
import type { ToolCondition } from '../../domain/tool-events';
import { isNormalizedName } from '../../domain/names';
import { KIND_CODES } from './codes';

export const RECORD_ID_BYTES = 32;
/** One bit per accessory: a checklist has at most 16. */
export const PRESENT_LIMIT = 2 ** 16;

export const CONDITIONS: readonly ToolCondition[] = ['good', 'worn', 'damaged'];

/** The 32 bytes of a record id, or a RangeError: builders refuse what parsers would. */
export function recordIdBytes(id: RecordId): Uint8Array {
  const bytes = fromBase64Url(id);
  if (bytes === null || bytes.length !== RECORD_ID_BYTES) throw new RangeError('not a record id');
  return bytes;
}

export function idField(map: CborMap, key: number): RecordId | undefined {
  const value = map.get(key);
  return value instanceof Uint8Array && value.length === RECORD_ID_BYTES ? toBase64Url(value) : undefined;
}

/** An optional id: absent is null; anything present must be an id (a CBOR null is refused, so null has one spelling). */
export function optionalIdField(map: CborMap, key: number): RecordId | null | undefined {
  return map.has(key) ? idField(map, key) : null;
}

export function meta(envelope: Envelope): EventMeta {
  return { id: envelope.id, author: toBase64Url(envelope.payload.author), at: envelope.payload.at };
}

/** The body of a record of this kind holding only these keys, or undefined. */
export function bodyOf(envelope: Envelope, kind: CircleEventKind, keys: readonly number[]): CborMap | undefined {
  const { body, kindCode } = envelope.payload;
  return kindCode === KIND_CODES[kind] && hasOnlyKeys(body, keys) ? body : undefined;
}

export function isPresentMask(present: number): boolean {
  return Number.isInteger(present) && present >= 0 && present < PRESENT_LIMIT;
}

export function codeOf<T>(values: readonly T[], value: T): number {
  const code = values.indexOf(value);
  if (code < 0) throw new RangeError(`unknown value ${String(value)}`);
  return code;
}

export function decodeCode<T>(values: readonly T[], code: number | undefined): T | undefined {
  return code === undefined || !Number.isInteger(code) ? undefined : values[code];
}

/** A short note on one line: empty, or a name in normalized form. */
export function isNote(value: string, maxChars: number): boolean {
  return value === '' || isNormalizedName(value, maxChars);
}

export function noteField(map: CborMap, key: number, maxChars: number): string | undefined {
  const value = textField(map, key, maxChars * 2);
  return value !== undefined && isNote(value, maxChars) ? value : undefined;
}

// As for names, but a line break is allowed (and only \n): texts that people
// write in paragraphs. Tabs and other control characters are not.
const FORBIDDEN_IN_TEXT = /[\p{Cf}\p{Cs}\p{Zl}\p{Zp}]|[^\P{Cc}\n]/u;

/**
 * What a member typed in a text area, in the one form a record carries: NFC,
 * Windows and old Mac line ends made \n, spaces folded within each line and
 * trimmed at its ends, at most one blank line in a row, no blank first or last line.
 */
export function normalizeText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** A multi-line text in normalized form, of 1 to `maxChars` characters (code points) and at most `maxBytes` of UTF-8. */
export function isNormalizedText(value: string, maxChars: number, maxBytes = maxChars * 4): boolean {
  if (value.length === 0 || value.length > maxChars * 2) return false;
  if (FORBIDDEN_IN_TEXT.test(value) || normalizeText(value) !== value) return false;
  return [...value].length <= maxChars && utf8(value).length <= maxBytes;
}

export function longTextField(map: CborMap, key: number, maxChars: number, maxBytes?: number): string | undefined {
  const value = textField(map, key, maxChars * 2);
  return value !== undefined && isNormalizedText(value, maxChars, maxBytes) ? value : undefined;
}

/** A text that may also be left empty. */
export function isOptionalText(value: string, maxChars: number): boolean {
  return value === '' || isNormalizedText(value, maxChars);
}

export function optionalTextField(map: CborMap, key: number, maxChars: number): string | undefined {
  const value = textField(map, key, maxChars * 2);
  return value !== undefined && isOptionalText(value, maxChars) ? value : undefined;
}
