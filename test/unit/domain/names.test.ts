import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isNormalizedName, MAX_CIRCLE_NAME, MAX_DISPLAY_NAME, normalizeName } from '../../../src/domain/names';
import { compareEvents } from '../../../src/domain/events';

describe('normalizeName', () => {
  it.each([
    ['composes to NFC', 'Re\u0301my', 'R\u00e9my'],
    ['composes Hangul jamo', '\u1112\u1161\u11ab', '\ud55c'],
    ['trims both ends', '  Ada \t', 'Ada'],
    ['folds a run of spaces', 'Ada    Lovelace', 'Ada Lovelace'],
    ['folds tabs and newlines between words into one space', 'Ada\t\n Lovelace', 'Ada Lovelace'],
    ['folds a no-break space', 'Ada\u00a0Lovelace', 'Ada Lovelace'],
    ['folds an ideographic space', '\u5c71\u3000\u7530', '\u5c71 \u7530'],
    ['keeps letters of any script', '\u0645\u0631\u064a\u0645', '\u0645\u0631\u064a\u0645'],
    ['keeps emoji', 'Bea \u{1f33b}', 'Bea \u{1f33b}'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeName(input, MAX_DISPLAY_NAME)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['the empty string', ''],
    ['only spaces', '   '],
    ['only whitespace of several kinds', '\t\n\u00a0\u3000'],
  ])('calls %s empty', (_label, input) => {
    expect(normalizeName(input, MAX_DISPLAY_NAME)).toEqual({ ok: false, problem: 'empty' });
  });

  it('limits by code points, not UTF-16 units', () => {
    const flowers = '\u{1f33b}'.repeat(MAX_DISPLAY_NAME);
    expect(flowers.length).toBe(2 * MAX_DISPLAY_NAME);
    expect(normalizeName(flowers, MAX_DISPLAY_NAME)).toEqual({ ok: true, value: flowers });
    expect(normalizeName(flowers + '\u{1f33b}', MAX_DISPLAY_NAME)).toEqual({ ok: false, problem: 'too-long' });
  });

  it('limits after composing, so a decomposed name of 40 letters fits', () => {
    const decomposed = 'e\u0301'.repeat(MAX_DISPLAY_NAME);
    expect(normalizeName(decomposed, MAX_DISPLAY_NAME)).toEqual({ ok: true, value: '\u00e9'.repeat(MAX_DISPLAY_NAME) });
  });

  it('limits after trimming and folding', () => {
    const padded = `   ${'a'.repeat(20)}     ${'b'.repeat(19)}   `;
    expect(normalizeName(padded, MAX_DISPLAY_NAME)).toEqual({ ok: true, value: `${'a'.repeat(20)} ${'b'.repeat(19)}` });
  });

  it('refuses 41 characters for a display name and accepts 40', () => {
    expect(normalizeName('x'.repeat(41), MAX_DISPLAY_NAME)).toEqual({ ok: false, problem: 'too-long' });
    expect(normalizeName('x'.repeat(40), MAX_DISPLAY_NAME).ok).toBe(true);
  });

  it('allows 60 characters for a circle name', () => {
    expect(normalizeName('c'.repeat(MAX_CIRCLE_NAME), MAX_CIRCLE_NAME).ok).toBe(true);
    expect(normalizeName('c'.repeat(MAX_CIRCLE_NAME + 1), MAX_CIRCLE_NAME)).toEqual({ ok: false, problem: 'too-long' });
  });

  it.each([
    ['NUL', 'Ada\u0000'],
    ['BEL', 'A\u0007da'],
    ['DEL', 'Ada\u007f'],
    ['a C1 control (NEL)', 'Ada\u0085Lovelace'],
    ['a zero-width space', 'Ada\u200bLovelace'],
    ['a zero-width joiner', 'Ada\u200d'],
    ['a right-to-left override', 'Ada\u202eecalevoL'],
    ['a left-to-right mark', '\u200eAda'],
    ['a soft hyphen', 'Ada\u00adLovelace'],
    ['a word joiner', 'Ada\u2060'],
    ['a lone high surrogate', 'Ada\ud83c'],
    ['a lone low surrogate', '\udf3bAda'],
  ])('refuses %s', (_label, input) => {
    expect(normalizeName(input, MAX_DISPLAY_NAME)).toEqual({ ok: false, problem: 'control-characters' });
  });

  it('checks the length before the characters', () => {
    expect(normalizeName('\u200b'.repeat(41), MAX_DISPLAY_NAME)).toEqual({ ok: false, problem: 'too-long' });
  });
});

describe('isNormalizedName', () => {
  it('accepts only names already in the form normalizeName gives', () => {
    expect(isNormalizedName('Ada Lovelace', MAX_DISPLAY_NAME)).toBe(true);
    expect(isNormalizedName('R\u00e9my', MAX_DISPLAY_NAME)).toBe(true);
    expect(isNormalizedName('Re\u0301my', MAX_DISPLAY_NAME)).toBe(false);
    expect(isNormalizedName(' Ada', MAX_DISPLAY_NAME)).toBe(false);
    expect(isNormalizedName('Ada  Lovelace', MAX_DISPLAY_NAME)).toBe(false);
    expect(isNormalizedName('Ada\tLovelace', MAX_DISPLAY_NAME)).toBe(false);
    expect(isNormalizedName('', MAX_DISPLAY_NAME)).toBe(false);
    expect(isNormalizedName('x'.repeat(41), MAX_DISPLAY_NAME)).toBe(false);
  });
});

describe('name properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', 'a', 'e', '\u0301', '\u200b', '\u{1f33b}', '\ud800', '\u1100', '\u1161'), maxLength: 50 }),
  );

  it('gives names that are fixed points: normalising again changes nothing', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = normalizeName(input, MAX_DISPLAY_NAME);
        if (!result.ok) return;
        const value = result.value;
        expect(normalizeName(value, MAX_DISPLAY_NAME)).toEqual(result);
        expect(isNormalizedName(value, MAX_DISPLAY_NAME)).toBe(true);
        expect(value).toBe(value.normalize('NFC'));
        expect(value).not.toMatch(/^\s|\s$|\s\s|[^\S ]/u);
        expect([...value].length).toBeLessThanOrEqual(MAX_DISPLAY_NAME);
        // Well-formed text: it survives a UTF-8 round trip unchanged.
        expect(new TextDecoder().decode(new TextEncoder().encode(value))).toBe(value);
      }),
      { seed: 0x4a3e, numRuns: 2000 },
    );
  });
});

describe('compareEvents', () => {
  it('orders by time first, then by id, and finds equal only the same time and id', () => {
    expect(compareEvents({ id: 'b', author: 'x', at: 1 }, { id: 'a', author: 'y', at: 2 })).toBeLessThan(0);
    expect(compareEvents({ id: 'a', author: 'x', at: 2 }, { id: 'b', author: 'y', at: 1 })).toBeGreaterThan(0);
    expect(compareEvents({ id: 'a', author: 'x', at: 5 }, { id: 'b', author: 'x', at: 5 })).toBeLessThan(0);
    expect(compareEvents({ id: 'b', author: 'x', at: 5 }, { id: 'a', author: 'x', at: 5 })).toBeGreaterThan(0);
    expect(compareEvents({ id: 'a', author: 'x', at: 5 }, { id: 'a', author: 'z', at: 5 })).toBe(0);
  });

  it('compares ids by code unit, the same on every phone whatever its locale', () => {
    // base64url ids mix cases, digits, '-' and '_': locale-aware order would put 'a' before 'B'.
    const ids = ['a', 'B', '_', '-', '0', 'Z'];
    const sorted = ids.map((id) => ({ id, author: 'x', at: 1 })).sort(compareEvents).map((event) => event.id);
    expect(sorted).toEqual(['-', '0', 'B', 'Z', '_', 'a']);
  });
});
