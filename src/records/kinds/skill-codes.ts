/**
 * How a skill travels inside a record: a small number for the circle's
 * starting skills (never reused), or four bytes of the id of the record that
 * added a skill. Four bytes keep an exchange code small enough to scan.
 */
import type { CborValue } from '../cbor';
import { fromBase64Url, toBase64Url } from '../bytes';
import type { SkillRef } from '../../domain/events';

const STARTING_SKILL_CODES: Readonly<Record<string, number>> = {
  repair: 1,
  gardening: 2,
  childcare: 3,
  tutoring: 4,
  cooking: 5,
  transport: 6,
  care: 7,
  'tech-help': 8,
  crafts: 9,
  paperwork: 10,
  language: 11,
  health: 12,
};
const KEYS_BY_CODE = new Map(Object.entries(STARTING_SKILL_CODES).map(([key, code]) => [code, key]));
const CUSTOM_PREFIX = 'custom:';
export const CUSTOM_SKILL_REF_BYTES = 4;

/** The ref of a skill added by the record with this id. */
export function customSkillRef(recordId: string): SkillRef {
  const bytes = fromBase64Url(recordId);
  if (bytes === null) throw new RangeError('not a record id');
  return CUSTOM_PREFIX + toBase64Url(bytes.slice(0, CUSTOM_SKILL_REF_BYTES));
}

export function encodeSkill(ref: SkillRef): CborValue {
  const code = STARTING_SKILL_CODES[ref];
  if (code !== undefined) return code;
  if (ref.startsWith(CUSTOM_PREFIX)) {
    const bytes = fromBase64Url(ref.slice(CUSTOM_PREFIX.length));
    if (bytes !== null && bytes.length === CUSTOM_SKILL_REF_BYTES) return bytes;
  }
  throw new RangeError(`not a skill: ${ref}`);
}

export function decodeSkill(value: CborValue | undefined): SkillRef | undefined {
  if (typeof value === 'number') return KEYS_BY_CODE.get(value);
  if (value instanceof Uint8Array && value.length === CUSTOM_SKILL_REF_BYTES) return CUSTOM_PREFIX + toBase64Url(value);
  return undefined;
}
