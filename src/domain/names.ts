/** Rules for the names people type: the same on every phone, checked again on every record. */

export const MAX_DISPLAY_NAME = 40;
export const MAX_CIRCLE_NAME = 60;

export type NameProblem = 'empty' | 'too-long' | 'control-characters';
export type NameResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: NameProblem };

// Control, format and separator characters other than the ordinary space make
// names that look alike but differ, or that break the layout of other screens.
// A lone surrogate (half a character, as a limit counting UTF-16 units can leave)
// has no UTF-8 form: a record would carry U+FFFD instead of what was checked here.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/** Normalises what a member typed: NFC, trimmed, inner runs of spaces folded. */
export function normalizeName(input: string, maxLength: number): NameResult {
  const value = input.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (value.length === 0) return { ok: false, problem: 'empty' };
  if ([...value].length > maxLength) return { ok: false, problem: 'too-long' };
  if (FORBIDDEN.test(value)) return { ok: false, problem: 'control-characters' };
  return { ok: true, value };
}

/** A name inside a record must already be in the form normalizeName produces. */
export function isNormalizedName(value: string, maxLength: number): boolean {
  const result = normalizeName(value, maxLength);
  return result.ok && result.value === value;
}

/** A note a member may leave empty: blank is fine, anything else must be a valid name. */
export function normalizeOptional(input: string, maxLength: number): NameResult {
  const result = normalizeName(input, maxLength);
  return !result.ok && result.problem === 'empty' ? { ok: true, value: '' } : result;
}
