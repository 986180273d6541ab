import { describe, expect, test } from 'vitest';
import { hoursText, parseHours } from '../../../src/ui/ledger/hours-input';
import { checkCreditForm } from '../../../src/ui/ledger/settings-form';
import type { CreditForm } from '../../../src/ui/ledger/settings-form';
import { standingOf } from '../../../src/ui/ledger/standing';

describe('hours typed by a member', () => {
  test('either decimal mark, a typographic minus, spaces', () => {
    expect(parseHours('7.5')).toEqual({ ok: true, quarters: 30 });
    expect(parseHours(' -7,25 ')).toEqual({ ok: true, quarters: -29 });
    expect(parseHours('\u221210')).toEqual({ ok: true, quarters: -40 });
    expect(parseHours('+.75')).toEqual({ ok: true, quarters: 3 });
    expect(parseHours('-0')).toEqual({ ok: true, quarters: 0 });
    expect(Object.is((parseHours('-0') as { quarters: number }).quarters, -0)).toBe(false);
  });

  test('refuses what is not a number of quarter hours', () => {
    expect(parseHours('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseHours('ten')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseHours('1e3')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseHours('1.1')).toEqual({ ok: false, problem: 'not-quarter' });
    expect(parseHours('99999999999999999999')).toEqual({ ok: false, problem: 'not-a-number' });
  });

  test('written back in the member’s language', () => {
    expect(hoursText(-30, 'en')).toBe('-7.5');
    expect(hoursText(-30, 'es')).toBe('-7,5');
    expect(hoursText(4000, 'en')).toBe('1000');
  });
});

describe('the credit settings form', () => {
  const base: CreditForm = { kind: 'new-moon', day: 1, offset: 60, lower: '-10', upper: '20', mode: 'soft' };

  test('valid settings come out in quarter hours', () => {
    expect(checkCreditForm(base)).toEqual({
      ok: true,
      settings: { resetRule: { kind: 'new-moon' }, lowerLimit: -40, upperLimit: 80, limitMode: 'soft' },
    });
    expect(checkCreditForm({ ...base, kind: 'day-of-month', day: 15, offset: -300, mode: 'hard' })).toEqual({
      ok: true,
      settings: { resetRule: { kind: 'day-of-month', day: 15, utcOffsetMinutes: -300 }, lowerLimit: -40, upperLimit: 80, limitMode: 'hard' },
    });
  });

  test('each problem is placed at its field', () => {
    expect(checkCreditForm({ ...base, upper: '-1' })).toEqual({ ok: false, errors: { upper: { key: 'ledger.error.upperBelowZero' } } });
    expect(checkCreditForm({ ...base, lower: '2', upper: '1.1' })).toEqual({
      ok: false,
      errors: { lower: { key: 'ledger.error.lowerAboveZero' }, upper: { key: 'ledger.error.notQuarter' } },
    });
    expect(checkCreditForm({ ...base, lower: '-201' })).toEqual({
      ok: false,
      errors: { lower: { key: 'ledger.error.tooFar', params: { max: 200 } } },
    });
    expect(checkCreditForm({ ...base, kind: 'day-of-month', day: 29, offset: 7 })).toEqual({
      ok: false,
      errors: { day: { key: 'ledger.error.day' }, offset: { key: 'ledger.error.offset' } },
    });
    // A rule the member is not choosing is not checked.
    expect(checkCreditForm({ ...base, day: 29 }).ok).toBe(true);
  });
});

describe('where a member stands against the limits', () => {
  const limits = { lowerLimit: -40, upperLimit: 80 };
  test('room left both ways', () => {
    expect(standingOf(-6, limits)).toEqual({ canReceive: 34, canGive: 86, pastLower: 0, pastUpper: 0 });
  });
  test('past a soft limit', () => {
    expect(standingOf(-44, limits)).toEqual({ canReceive: 0, canGive: 124, pastLower: 4, pastUpper: 0 });
    expect(standingOf(84, limits)).toEqual({ canReceive: 124, canGive: 0, pastLower: 0, pastUpper: 4 });
  });
});
