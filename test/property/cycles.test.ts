import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cycleAt, cycleByIndex, cyclesBetween } from '../../src/domain/cycles';
import type { ResetRule } from '../../src/domain/cycles';

const DAY = 86_400_000;
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

// The extreme offsets and days get their own weight: they are where a month or
// a year end and a leap day are most likely to be mishandled.
const anyRule: fc.Arbitrary<ResetRule> = fc.oneof(
  fc.constant<ResetRule>({ kind: 'new-moon' }),
  fc.constant<ResetRule>({ kind: 'full-moon' }),
  fc.constantFrom<ResetRule>(
    { kind: 'day-of-month', day: 1, utcOffsetMinutes: 840 },
    { kind: 'day-of-month', day: 28, utcOffsetMinutes: -720 },
    { kind: 'day-of-month', day: 1, utcOffsetMinutes: -720 },
    { kind: 'day-of-month', day: 28, utcOffsetMinutes: 840 },
  ),
  fc.record({
    kind: fc.constant('day-of-month' as const),
    day: fc.integer({ min: 1, max: 28 }),
    utcOffsetMinutes: fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15),
  }),
);
const anyInstant = fc.integer({ min: EARLIEST, max: LATEST - 1 });

describe('cycles, for any rule and any instant from 1900 to 2100', () => {
  it('contain the instant, and the index names the same cycle', () => {
    fc.assert(
      fc.property(anyRule, anyInstant, (rule, ms) => {
        const cycle = cycleAt(rule, new Date(ms));
        expect(Number.isSafeInteger(cycle.index)).toBe(true);
        expect(cycle.start.getTime()).toBeLessThanOrEqual(ms);
        expect(cycle.end.getTime()).toBeGreaterThan(ms);
        expect(cycleByIndex(rule, cycle.index)).toEqual(cycle);
      }),
      { seed: 0x1c7c1e, numRuns: 1000 },
    );
  });

  it('tile time: each ends where the next begins, a plausible month long', () => {
    fc.assert(
      fc.property(anyRule, anyInstant, (rule, ms) => {
        const cycle = cycleAt(rule, new Date(ms));
        const next = cycleByIndex(rule, cycle.index + 1);
        const previous = cycleByIndex(rule, cycle.index - 1);
        expect(next.start).toEqual(cycle.end);
        expect(previous.end).toEqual(cycle.start);
        const days = (cycle.end.getTime() - cycle.start.getTime()) / DAY;
        if (rule.kind === 'day-of-month') expect([28, 29, 30, 31]).toContain(days);
        else {
          expect(days).toBeGreaterThanOrEqual(29.26);
          expect(days).toBeLessThanOrEqual(29.84);
        }
      }),
      { seed: 0x711e5, numRuns: 1000 },
    );
  });

  it('put each boundary instant in exactly one cycle', () => {
    fc.assert(
      fc.property(anyRule, anyInstant, (rule, ms) => {
        const cycle = cycleAt(rule, new Date(ms));
        const start = cycle.start.getTime();
        const end = cycle.end.getTime();
        expect(cycleAt(rule, cycle.start).index).toBe(cycle.index);
        expect(cycleAt(rule, new Date(end - 1)).index).toBe(cycle.index);
        expect(cycleAt(rule, cycle.end).index).toBe(cycle.index + 1);
        expect(cycleAt(rule, new Date(start - 1)).index).toBe(cycle.index - 1);
      }),
      { seed: 0xb0da, numRuns: 1000 },
    );
  });

  it('are listed by cyclesBetween as a contiguous run covering the range', () => {
    const span = fc.integer({ min: 0, max: 3 * 366 * DAY });
    fc.assert(
      fc.property(anyRule, anyInstant, span, (rule, from, length) => {
        const to = from + length;
        const cycles = cyclesBetween(rule, new Date(from), new Date(to));
        if (length === 0) {
          expect(cycles).toEqual([]);
          return;
        }
        const first = cycles[0]!;
        const last = cycles[cycles.length - 1]!;
        expect(first).toEqual(cycleAt(rule, new Date(from)));
        expect(last).toEqual(cycleAt(rule, new Date(to - 1)));
        expect(last.end.getTime()).toBeGreaterThanOrEqual(to);
        for (let i = 1; i < cycles.length; i++) {
          expect(cycles[i]!.index).toBe(cycles[i - 1]!.index + 1);
          expect(cycles[i]!.start).toEqual(cycles[i - 1]!.end);
        }
      }),
      { seed: 0xc0ffee, numRuns: 400 },
    );
  });

  it('give an empty list when the range is reversed', () => {
    fc.assert(
      fc.property(anyRule, anyInstant, anyInstant, (rule, a, b) => {
        fc.pre(a >= b);
        expect(cyclesBetween(rule, new Date(a), new Date(b))).toEqual([]);
      }),
      { seed: 0x5eed, numRuns: 200 },
    );
  });
});
