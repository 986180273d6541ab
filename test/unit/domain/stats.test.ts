import { describe, expect, it } from 'vitest';
import { projectCircle } from '../../../src/domain/circle';
import type { CircleEvent, ExchangeConfirmed, ListingPosted } from '../../../src/domain/events';
import { projectLedger } from '../../../src/domain/ledger';
import { projectPostings } from '../../../src/domain/listings';
import { cycleStats, GINI_THRESHOLD, giniOf, TOP_FRACTION, TOP_SHARE_THRESHOLD, topShare } from '../../../src/domain/stats';
import type { CycleStats } from '../../../src/domain/stats';
import { admitted, circleEvents, cycleOf, cycleStart, exchange, HOUR, key, posted, T0 } from '../../fixtures/ledger';

function statsOf(
  confirmations: readonly ExchangeConfirmed[],
  listings: readonly ListingPosted[] = [],
  memberEvents: readonly CircleEvent[] = circleEvents(10),
  cycle = 0,
): CycleStats {
  const membership = projectCircle(memberEvents);
  return cycleStats({
    ledger: projectLedger(confirmations, membership, cycleOf),
    cycle,
    membership,
    cycleEnd: cycleStart(cycle + 1),
    listings: projectPostings(listings, membership).listings,
    cycleOf,
  });
}

const at = (hours: number): number => T0 + hours * HOUR;

describe('cycleStats', () => {
  it('handles an empty cycle with zeros, never NaN', () => {
    const stats = statsOf([]);
    expect(stats).toEqual({
      cycle: 0,
      quarters: 0,
      exchanges: 0,
      activeMembers: 0,
      members: 10,
      requestedSkills: [],
      skillBalance: [],
      concentration: { topCount: 1, topGivenShare: 0, topReceivedShare: 0, gini: 0, concentrated: false },
      crisesBuffered: 0,
    });
  });

  it('counts the crises buffered in the cycle: housing stays that count, by their time only', () => {
    const membership = projectCircle(circleEvents(3));
    const stats = (cycle: number) =>
      cycleStats({
        ledger: projectLedger([], membership, cycleOf),
        cycle,
        membership,
        cycleEnd: cycleStart(cycle + 1),
        listings: [],
        cycleOf,
        crises: [at(1), at(5), cycleStart(1) + HOUR],
      });
    expect(stats(0).crisesBuffered).toBe(2);
    expect(stats(1).crisesBuffered).toBe(1);
    expect(stats(2).crisesBuffered).toBe(0);
  });

  it('counts hours, exchanges, and active members out of the members at the cycle end', () => {
    const events = [...circleEvents(4), admitted('later', cycleStart(1) + HOUR)];
    const stats = statsOf(
      [
        exchange({ provider: key(0), receiver: key(1), quarters: 4, at: at(1) }),
        exchange({ provider: key(1), receiver: key(2), quarters: 6, at: at(2) }),
        exchange({ provider: key(3), receiver: key(0), quarters: 2, at: cycleStart(1) + 2 * HOUR }),
      ],
      [],
      events,
    );
    expect(stats).toMatchObject({ quarters: 10, exchanges: 2, activeMembers: 3, members: 4 });
  });

  it('ranks requested skills by needs posted, then by hours received', () => {
    const stats = statsOf(
      [
        exchange({ provider: key(0), receiver: key(1), quarters: 8, at: at(1), skill: 'cooking' }),
        exchange({ provider: key(0), receiver: key(2), quarters: 2, at: at(2), skill: 'care' }),
      ],
      [
        posted({ author: key(1), side: 'need', skill: 'care', at: at(1) }),
        posted({ author: key(2), side: 'need', skill: 'care', at: at(2) }),
        posted({ author: key(3), side: 'need', skill: 'repair', at: at(3) }),
        // Another cycle's need does not count here.
        posted({ author: key(3), side: 'need', skill: 'cooking', at: cycleStart(1) + HOUR }),
      ],
    );
    expect(stats.requestedSkills).toEqual([
      { skill: 'care', needs: 2, quartersReceived: 2 },
      { skill: 'repair', needs: 1, quartersReceived: 0 },
      { skill: 'cooking', needs: 0, quartersReceived: 8 },
    ]);
  });

  it('gives the surplus and deficit of offers over needs by skill', () => {
    const stats = statsOf(
      [],
      [
        posted({ author: key(1), side: 'offer', skill: 'gardening', at: at(1) }),
        posted({ author: key(2), side: 'offer', skill: 'gardening', at: at(2) }),
        posted({ author: key(3), side: 'need', skill: 'gardening', at: at(3) }),
        posted({ author: key(3), side: 'need', skill: 'childcare', at: at(4) }),
        posted({ author: key(4), side: 'need', skill: 'childcare', at: at(5) }),
        posted({ author: key(4), side: 'offer', skill: 'crafts', at: at(6) }),
        posted({ author: key(5), side: 'need', skill: 'crafts', at: at(7) }),
      ],
    );
    expect(stats.skillBalance).toEqual([
      { skill: 'gardening', offers: 2, needs: 1, surplus: 1 },
      { skill: 'crafts', offers: 1, needs: 1, surplus: 0 },
      { skill: 'childcare', offers: 0, needs: 2, surplus: -2 },
    ]);
  });

  it('flags a cycle where the top tenth gives more than half of the hours', () => {
    // Nine took part: the top tenth is one member, who gives 12 of 20 quarters.
    const confirmations = [
      ...[1, 2, 3].map((n) => exchange({ provider: key(0), receiver: key(n), quarters: 4, at: at(n) })),
      ...[5, 6, 7, 8].map((n) => exchange({ provider: key(n), receiver: key(9), quarters: 2, at: at(n) })),
    ];
    const stats = statsOf(confirmations);
    expect(stats.activeMembers).toBe(9);
    expect(stats.concentration.topCount).toBe(1);
    expect(stats.concentration.topGivenShare).toBe(12 / 20);
    expect(stats.concentration.topReceivedShare).toBe(8 / 20);
    expect(stats.concentration.concentrated).toBe(true);
  });

  it('does not flag an even spread, and counts members who took no part in the Gini', () => {
    const ring = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => exchange({ provider: key(n), receiver: key((n + 1) % 10), quarters: 4, at: at(n) }));
    const even = statsOf(ring);
    expect(even.concentration).toEqual({ topCount: 1, topGivenShare: 0.1, topReceivedShare: 0.1, gini: 0, concentrated: false });
    const withIdle = statsOf(ring, [], circleEvents(20));
    expect(withIdle.concentration.gini).toBeCloseTo(0.5, 10);
    expect(withIdle.members).toBe(20);
  });

  it('rounds the top tenth up', () => {
    const confirmations = [1, 2, 3, 4, 5, 6].map((n) => exchange({ provider: key(0), receiver: key(n), quarters: 1, at: at(n) }));
    // Seven took part: the top tenth is one member.
    expect(statsOf(confirmations).concentration.topCount).toBe(1);
    const more = [...confirmations, ...[7, 8, 9, 10].map((n) => exchange({ provider: key(n), receiver: key(0), quarters: 1, at: at(n) }))];
    expect(statsOf(more, [], circleEvents(12)).concentration.topCount).toBe(2);
  });
});

describe('giniOf and topShare', () => {
  it('has the thresholds of the brief', () => {
    expect([TOP_FRACTION, TOP_SHARE_THRESHOLD, GINI_THRESHOLD]).toEqual([0.1, 0.5, 0.6]);
  });

  it('is 0 for no values, a zero total and equal values', () => {
    expect(giniOf([])).toBe(0);
    expect(giniOf([0, 0, 0])).toBe(0);
    expect(giniOf([7, 7, 7, 7])).toBe(0);
    expect(giniOf([5])).toBe(0);
  });

  it('approaches 1 when one member holds everything', () => {
    expect(giniOf([0, 0, 0, 10])).toBe(0.75);
    expect(giniOf([...Array<number>(99).fill(0), 1])).toBeCloseTo(0.99, 10);
    expect(giniOf([1, 3])).toBe(0.25);
  });

  it('takes the share of the largest values', () => {
    expect(topShare([], 1)).toBe(0);
    expect(topShare([0, 0], 1)).toBe(0);
    expect(topShare([1, 3, 6], 1)).toBe(0.6);
    expect(topShare([1, 3, 6], 5)).toBe(1);
  });
});
