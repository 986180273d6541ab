/** The cycle's figures stay meaningful for any history: finite, within their ranges, fair to equal parts. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectCircle } from '../../src/domain/circle';
import type { ExchangeConfirmed, ListingPosted } from '../../src/domain/events';
import { projectLedger } from '../../src/domain/ledger';
import { projectPostings } from '../../src/domain/listings';
import { cycleStats, giniOf, topShare } from '../../src/domain/stats';
import type { CycleStats } from '../../src/domain/stats';
import { circleEvents, cycleOf, cycleStart, exchange, key, MINUTE, posted, T0 } from '../fixtures/ledger';

const RUNS = { numRuns: 100, seed: 20250302 };
const MAX_MEMBERS = 24;

const exchangeSpec = fc.record({
  provider: fc.nat(MAX_MEMBERS - 1),
  receiver: fc.nat(MAX_MEMBERS - 1),
  quarters: fc.integer({ min: 1, max: 48 }),
  minute: fc.nat(60 * 24 * 27),
  skill: fc.constantFrom('repair', 'care', 'cooking', 'crafts'),
});

const cycles = fc.record({
  members: fc.integer({ min: 1, max: MAX_MEMBERS }),
  exchanges: fc.array(exchangeSpec, { maxLength: 60 }),
  listings: fc.array(
    fc.record({
      author: fc.nat(MAX_MEMBERS - 1),
      side: fc.constantFrom<'offer' | 'need'>('offer', 'need'),
      skill: fc.constantFrom('repair', 'care'),
      minute: fc.nat(60 * 24 * 27),
    }),
    { maxLength: 10 },
  ),
});

function statsFor(members: number, confirmations: readonly ExchangeConfirmed[], listings: readonly ListingPosted[]): CycleStats {
  const membership = projectCircle(circleEvents(members));
  return cycleStats({
    ledger: projectLedger(confirmations, membership, cycleOf),
    cycle: 0,
    membership,
    cycleEnd: cycleStart(1),
    listings: projectPostings(listings, membership).listings,
    cycleOf,
  });
}

function everyNumber(value: unknown, visit: (n: number) => void): void {
  if (typeof value === 'number') visit(value);
  else if (Array.isArray(value)) value.forEach((item) => everyNumber(item, visit));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((item) => everyNumber(item, visit));
}

describe('stats properties', () => {
  it('keeps every figure finite and every share and the Gini within [0, 1]', () => {
    fc.assert(
      fc.property(cycles, ({ members, exchanges, listings }) => {
        // Adding n keeps every time, and so every id, distinct.
        const confirmations = exchanges.map((spec, n) =>
          exchange({
            provider: key(spec.provider % members),
            receiver: key(spec.receiver % members),
            quarters: spec.quarters,
            at: T0 + spec.minute * MINUTE + n,
            skill: spec.skill,
          }),
        );
        const boards = listings.map((spec, n) =>
          posted({ author: key(spec.author % members), side: spec.side, skill: spec.skill, at: T0 + spec.minute * MINUTE + n }),
        );
        const stats = statsFor(members, confirmations, boards);
        everyNumber(stats, (n) => expect(Number.isFinite(n)).toBe(true));
        const { gini, topGivenShare, topReceivedShare, topCount } = stats.concentration;
        for (const share of [gini, topGivenShare, topReceivedShare]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        expect(topCount).toBeGreaterThanOrEqual(1);
        expect(stats.activeMembers).toBeLessThanOrEqual(stats.members);
        if (stats.quarters > 0) expect(topGivenShare).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('gives a Gini of 0 when every member took the same part', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: MAX_MEMBERS }), fc.integer({ min: 1, max: 48 }), (members, quarters) => {
        // A ring: each member gives the same to the next, so each gives and receives the same.
        const ring = Array.from({ length: members }, (_, n) =>
          exchange({ provider: key(n), receiver: key((n + 1) % members), quarters, at: T0 + (n + 1) * MINUTE }),
        );
        const stats = statsFor(members, ring, []);
        expect(stats.concentration.gini).toBe(0);
        expect(stats.activeMembers).toBe(members);
      }),
      RUNS,
    );
  });

  it('giniOf and topShare stay in [0, 1], ignore order, and do not depend on the unit', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 50 }), fc.integer({ min: 1, max: 4 }), fc.nat(10), (values, scale, count) => {
        const gini = giniOf(values);
        expect(gini).toBeGreaterThanOrEqual(0);
        expect(gini).toBeLessThanOrEqual(1);
        expect(giniOf([...values].reverse())).toBe(gini);
        expect(giniOf(values.map((value) => value * scale))).toBeCloseTo(gini, 12);
        const share = topShare(values, count);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });
});
