import { describe, expect, it } from 'vitest';
import { cycleAt, cycleByIndex, cyclesBetween, DEFAULT_RESET_RULE, isValidResetRule } from '../../../src/domain/cycles';
import type { Cycle, ResetRule } from '../../../src/domain/cycles';
import { newMoonsBetween, phaseInstant } from '../../../src/domain/lunar';

const DAY = 86_400_000;
const at = (iso: string): Date => new Date(iso);
const NEW_MOON: ResetRule = { kind: 'new-moon' };
const FULL_MOON: ResetRule = { kind: 'full-moon' };
const FIRST_AT_PLUS_14: ResetRule = { kind: 'day-of-month', day: 1, utcOffsetMinutes: 840 };
const TWENTY_EIGHTH_AT_MINUS_12: ResetRule = { kind: 'day-of-month', day: 28, utcOffsetMinutes: -720 };

const iso = (cycle: Cycle): { index: number; start: string; end: string } => ({
  index: cycle.index,
  start: cycle.start.toISOString(),
  end: cycle.end.toISOString(),
});

describe('the default rule', () => {
  it('resets at the new moon', () => {
    expect(DEFAULT_RESET_RULE).toEqual({ kind: 'new-moon' });
    expect(isValidResetRule(DEFAULT_RESET_RULE)).toBe(true);
  });
});

describe('lunar cycles', () => {
  it('number cycles by lunation: 0 began with the new moon of 2000-01-06', () => {
    const cycle = cycleAt(NEW_MOON, at('2000-01-10T00:00Z'));
    expect(cycle.index).toBe(0);
    expect(Math.abs(cycle.start.getTime() - Date.parse('2000-01-06T18:14Z'))).toBeLessThanOrEqual(120_000);
    expect(Math.abs(cycle.end.getTime() - Date.parse('2000-02-05T13:03Z'))).toBeLessThanOrEqual(120_000);
  });

  it('number full-moon cycles by the lunation whose full moon starts them', () => {
    const cycle = cycleAt(FULL_MOON, at('2000-02-01T00:00Z'));
    expect(cycle.index).toBe(0);
    expect(Math.abs(cycle.start.getTime() - Date.parse('2000-01-21T04:40Z'))).toBeLessThanOrEqual(120_000);
    expect(cycleAt(FULL_MOON, at('2000-01-10T00:00Z')).index).toBe(-1);
  });

  it('start exactly at the computed new moon, which belongs to the cycle it starts', () => {
    const start = phaseInstant('new', 312);
    expect(cycleAt(NEW_MOON, new Date(start)).index).toBe(312);
    expect(cycleAt(NEW_MOON, new Date(start - 1)).index).toBe(311);
    expect(cycleByIndex(NEW_MOON, 312).start.getTime()).toBe(start);
  });

  it('still place instants long before 1900 and long after 2100', () => {
    for (const instant of [at('1500-06-01T00:00Z'), at('2500-06-01T00:00Z')]) {
      for (const rule of [NEW_MOON, FULL_MOON]) {
        const cycle = cycleAt(rule, instant);
        expect(cycle.start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(cycle.end.getTime()).toBeGreaterThan(instant.getTime());
      }
    }
  });
});

describe('day-of-month cycles', () => {
  it('start at 00:00 of the day at the circle offset, across the year end (day 1 at UTC+14)', () => {
    expect(iso(cycleAt(FIRST_AT_PLUS_14, at('2024-12-31T10:00:00.000Z')))).toEqual({
      index: 300,
      start: '2024-12-31T10:00:00.000Z',
      end: '2025-01-31T10:00:00.000Z',
    });
    expect(iso(cycleAt(FIRST_AT_PLUS_14, at('2024-12-31T09:59:59.999Z')))).toEqual({
      index: 299,
      start: '2024-11-30T10:00:00.000Z',
      end: '2024-12-31T10:00:00.000Z',
    });
  });

  it('give February 29 to the cycle that began on February 28 (day 28 at UTC−12)', () => {
    const leap = cycleAt(TWENTY_EIGHTH_AT_MINUS_12, at('2024-03-01T05:00Z'));
    expect(iso(leap)).toEqual({ index: 289, start: '2024-02-28T12:00:00.000Z', end: '2024-03-28T12:00:00.000Z' });
    expect((leap.end.getTime() - leap.start.getTime()) / DAY).toBe(29);
    const common = cycleAt(TWENTY_EIGHTH_AT_MINUS_12, at('2023-03-01T05:00Z'));
    expect((common.end.getTime() - common.start.getTime()) / DAY).toBe(28);
  });

  it('count back a month before the day comes round, also across the year end', () => {
    expect(iso(cycleAt(TWENTY_EIGHTH_AT_MINUS_12, at('2025-01-10T00:00Z')))).toEqual({
      index: 299,
      start: '2024-12-28T12:00:00.000Z',
      end: '2025-01-28T12:00:00.000Z',
    });
    expect(cycleAt(TWENTY_EIGHTH_AT_MINUS_12, at('2025-01-28T11:59:59.999Z')).index).toBe(299);
    expect(cycleAt(TWENTY_EIGHTH_AT_MINUS_12, at('2025-01-28T12:00:00.000Z')).index).toBe(300);
  });

  it('number months from January 2000, whatever the offset', () => {
    expect(iso(cycleByIndex({ kind: 'day-of-month', day: 1, utcOffsetMinutes: 0 }, 0))).toEqual({
      index: 0,
      start: '2000-01-01T00:00:00.000Z',
      end: '2000-02-01T00:00:00.000Z',
    });
    expect(iso(cycleByIndex({ kind: 'day-of-month', day: 15, utcOffsetMinutes: -300 }, -1))).toEqual({
      index: -1,
      start: '1999-12-15T05:00:00.000Z',
      end: '2000-01-15T05:00:00.000Z',
    });
  });

  it('read years 0 to 99 as themselves, not as 1900 to 1999', () => {
    const rule: ResetRule = { kind: 'day-of-month', day: 10, utcOffsetMinutes: 0 };
    const cycle = cycleByIndex(rule, (50 - 2000) * 12 + 6);
    expect(cycle.start.getUTCFullYear()).toBe(50);
    expect(cycle.start.getUTCMonth()).toBe(6);
    expect(cycle.start.getUTCDate()).toBe(10);
    expect(cycleAt(rule, cycle.start).index).toBe(cycle.index);
  });
});

describe('cyclesBetween', () => {
  it('lists every cycle overlapping the range, contiguous', () => {
    const cycles = cyclesBetween(TWENTY_EIGHTH_AT_MINUS_12, at('2024-01-01T00:00Z'), at('2024-04-01T00:00Z'));
    expect(cycles.map((cycle) => cycle.index)).toEqual([287, 288, 289, 290]);
    expect(cycles[0]!.start.toISOString()).toBe('2023-12-28T12:00:00.000Z');
    expect(cycles[3]!.end.toISOString()).toBe('2024-04-28T12:00:00.000Z');
  });

  it('leaves out a cycle that starts exactly at the end of the range', () => {
    const second = cycleByIndex(NEW_MOON, 301);
    expect(cyclesBetween(NEW_MOON, cycleByIndex(NEW_MOON, 300).start, second.start).map((cycle) => cycle.index)).toEqual([300]);
  });

  it('gives nothing for an empty or reversed range', () => {
    expect(cyclesBetween(NEW_MOON, at('2025-01-01T00:00Z'), at('2025-01-01T00:00Z'))).toEqual([]);
    expect(cyclesBetween(FULL_MOON, at('2025-02-01T00:00Z'), at('2025-01-01T00:00Z'))).toEqual([]);
  });

  it('covers a century: one cycle per new moon, plus the one already running', () => {
    const from = at('2000-01-01T00:00Z');
    const to = at('2100-01-01T00:00Z');
    const cycles = cyclesBetween(NEW_MOON, from, to);
    expect(cycles).toHaveLength(newMoonsBetween(from, to).length + 1);
    expect(cycles[0]!.index).toBe(-1);
  });
});

describe('isValidResetRule', () => {
  it.each<[string, unknown]>([
    ['new moon', { kind: 'new-moon' }],
    ['full moon', { kind: 'full-moon' }],
    ['day 1 at the earliest offset', { kind: 'day-of-month', day: 1, utcOffsetMinutes: -720 }],
    ['day 28 at the latest offset', { kind: 'day-of-month', day: 28, utcOffsetMinutes: 840 }],
    ['a quarter-hour offset', { kind: 'day-of-month', day: 5, utcOffsetMinutes: 345 }],
  ])('accepts %s', (_label, rule) => {
    expect(isValidResetRule(rule as ResetRule)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['day 0', { kind: 'day-of-month', day: 0, utcOffsetMinutes: 0 }],
    ['day 29', { kind: 'day-of-month', day: 29, utcOffsetMinutes: 0 }],
    ['a fractional day', { kind: 'day-of-month', day: 1.5, utcOffsetMinutes: 0 }],
    ['a day that is not a number', { kind: 'day-of-month', day: '1', utcOffsetMinutes: 0 }],
    ['an offset off the quarter hour', { kind: 'day-of-month', day: 1, utcOffsetMinutes: 50 }],
    ['an offset past +14:00', { kind: 'day-of-month', day: 1, utcOffsetMinutes: 855 }],
    ['an offset past −12:00', { kind: 'day-of-month', day: 1, utcOffsetMinutes: -735 }],
    ['a missing offset', { kind: 'day-of-month', day: 1 }],
    ['a not-a-number offset', { kind: 'day-of-month', day: 1, utcOffsetMinutes: Number.NaN }],
    ['an unknown kind', { kind: 'equinox' }],
    ['null', null],
    ['a string', 'new-moon'],
  ])('refuses %s', (_label, rule) => {
    expect(isValidResetRule(rule as ResetRule)).toBe(false);
  });
});

describe('refusals', () => {
  const broken = { kind: 'day-of-month', day: 31, utcOffsetMinutes: 0 } as ResetRule;

  it('refuse an invalid rule rather than cut time somewhere unexpected', () => {
    expect(() => cycleAt(broken, at('2025-01-01T00:00Z'))).toThrow(RangeError);
    expect(() => cycleByIndex(broken, 0)).toThrow(RangeError);
    expect(() => cyclesBetween(broken, at('2025-01-01T00:00Z'), at('2025-02-01T00:00Z'))).toThrow(RangeError);
  });

  it('refuse dates that are not instants and indexes that are not whole numbers', () => {
    const invalid = new Date(Number.NaN);
    expect(() => cycleAt(NEW_MOON, invalid)).toThrow(RangeError);
    expect(() => cyclesBetween(NEW_MOON, invalid, at('2025-01-01T00:00Z'))).toThrow(RangeError);
    expect(() => cycleByIndex(NEW_MOON, 1.5)).toThrow(RangeError);
    expect(() => cycleByIndex(FIRST_AT_PLUS_14, Number.NaN)).toThrow(RangeError);
  });
});
