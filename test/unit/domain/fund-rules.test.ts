import { describe, expect, it } from 'vitest';
import { DEFAULT_FUND_RULES, MAX_AMOUNT, projectFund } from '../../../src/domain/fund';
import type { FundEvent, FundState } from '../../../src/domain/fund';
import { ANA, approved, BEN, CAM, context, contributed, DAY, DEV, EVE, MEMBERS, OUTSIDER, paid, requested, rulesChanged, T0 } from './fund-fixture';

const project = (events: readonly FundEvent[], extra: Parameters<typeof context>[0] = {}): FundState => projectFund(events, context(extra));
const problems = (state: FundState): [string, string][] => state.problems.map((problem) => [problem.id, problem.reason]);
const float = [contributed({ id: 'c-ana', author: ANA, at: T0 - 2 * DAY }, 90_000)];
/** Two approvals and a payout of a request, a day apart each, from `day` on. */
const settle = (request: string, day: number): FundEvent[] => [
  approved({ id: `${request}-a1`, author: CAM, at: T0 + day * DAY }, request),
  approved({ id: `${request}-a2`, author: DEV, at: T0 + (day + 1) * DAY }, request),
  paid({ id: `${request}-p`, author: EVE, at: T0 + (day + 2) * DAY }, request),
];

describe('projectFund: the rules the circle sets', () => {
  it('starts from the given rules, and a change stands from its time on', () => {
    const none = project([]);
    expect(none.rules).toEqual(DEFAULT_FUND_RULES);
    expect(none.rulesHistory).toEqual([]);
    const state = project([rulesChanged({ id: 'r1', author: BEN, at: T0 - DAY }, 10_000, 4), rulesChanged({ id: 'r2', author: CAM, at: T0 }, 20_000, 3)]);
    expect(state.rules).toEqual({ largeAmount: 20_000, largeApprovers: 3 });
    expect(state.rulesHistory).toEqual([
      { id: 'r1', changedBy: BEN, at: T0 - DAY, rules: { largeAmount: 10_000, largeApprovers: 4 } },
      { id: 'r2', changedBy: CAM, at: T0, rules: { largeAmount: 20_000, largeApprovers: 3 } },
    ]);
    expect(state.problems).toEqual([]);
  });

  it('judges a request by the rules in force when it was made, whatever the circle decides later', () => {
    const stricter = rulesChanged({ id: 'stricter', author: BEN, at: T0 + 5 * DAY }, 10_000, 4);
    const before = requested({ id: 'before', author: ANA, at: T0 + 4 * DAY }, 30_000);
    const after = requested({ id: 'after', author: BEN, at: T0 + 6 * DAY }, 30_000);
    const state = project([...float, before, stricter, after, ...settle('before', 7), ...settle('after', 7)]);
    // Made under the defaults (large above 50,000), `before` needs two approvers even though its approvals came after the change.
    expect(state.requests.get('before')).toMatchObject({ rules: DEFAULT_FUND_RULES, required: 2, status: 'paid' });
    expect(state.requests.get('after')).toMatchObject({ rules: { largeAmount: 10_000, largeApprovers: 4 }, required: 4, status: 'open' });
    expect(problems(state)).toEqual([['after-p', 'not-approved']]);
    expect(state.balance).toBe(60_000);
  });

  it('loosens as well as tightens: a request made after the threshold rose needs fewer approvers', () => {
    const looser = rulesChanged({ id: 'looser', author: DEV, at: T0 }, 80_000, 5);
    const big = requested({ id: 'big', author: ANA, at: T0 + DAY }, 60_000);
    const state = project([...float, big, looser, ...settle('big', 2)]);
    expect(state.requests.get('big')).toMatchObject({ required: 2, status: 'paid' });
    const earlier = project([...float, { ...big, at: T0 - DAY }, looser, ...settle('big', 2)]);
    expect(earlier.requests.get('big')).toMatchObject({ required: DEFAULT_FUND_RULES.largeApprovers, status: 'open' });
  });

  it('does not count a change by a non-member, nor one made before its author joined', () => {
    const joinedLater = (member: string, at: number): boolean => MEMBERS.has(member) && (member !== EVE || at >= T0);
    const state = project(
      [
        rulesChanged({ id: 'outsider', author: OUTSIDER, at: T0 - DAY }, 1_000, 12),
        rulesChanged({ id: 'eve-early', author: EVE, at: T0 - DAY }, 1_000, 12),
        requested({ id: 'r', author: ANA, at: T0 + DAY }, 2_000),
      ],
      { membership: joinedLater },
    );
    expect(problems(state)).toEqual([
      ['eve-early', 'not-a-member'],
      ['outsider', 'not-a-member'],
    ]);
    expect(state.rules).toEqual(DEFAULT_FUND_RULES);
    expect(state.rulesHistory).toEqual([]);
    expect(state.requests.get('r')?.required).toBe(2);
  });

  it('lists a change it cannot apply and keeps the rules before it', () => {
    const good = rulesChanged({ id: 'good', author: BEN, at: T0 - DAY }, 30_000, 3);
    const bad: [number, number][] = [
      [30_000, 1],
      [30_000, 13],
      [30_000, 2.5],
      [0, 3],
      [-1, 3],
      [MAX_AMOUNT + 1, 3],
      [10.5, 3],
      [Number.NaN, 3],
    ];
    const events = bad.map(([largeAmount, largeApprovers], n) => rulesChanged({ id: `bad${n}`, author: CAM, at: T0 + n }, largeAmount, largeApprovers));
    const state = project([good, ...events, requested({ id: 'r', author: ANA, at: T0 + DAY }, 40_000)]);
    expect(problems(state)).toEqual(bad.map((_, n) => [`bad${n}`, 'bad-rules']));
    expect(state.rules).toEqual({ largeAmount: 30_000, largeApprovers: 3 });
    expect(state.requests.get('r')?.required).toBe(3);
  });

  it('takes the rules at the bounds', () => {
    const state = project([rulesChanged({ id: 'low', author: BEN, at: T0 }, 1, 2), rulesChanged({ id: 'high', author: BEN, at: T0 + 1 }, MAX_AMOUNT, 12)]);
    expect(state.problems).toEqual([]);
    expect(state.rulesHistory.map((change) => change.rules)).toEqual([
      { largeAmount: 1, largeApprovers: 2 },
      { largeAmount: MAX_AMOUNT, largeApprovers: 12 },
    ]);
  });

  it('counts requests by the cycle they were made, approved and paid in', () => {
    const state = project([...float, requested({ id: 'r', author: ANA, at: T0 + DAY }, 1_000), ...settle('r', 30)]);
    expect(state.requests.get('r')?.approvedAt).toBe(T0 + 31 * DAY);
    expect(state.cycles.map(({ cycle, requested: made, approved: agreed, paid: settled }) => [cycle, made, agreed, settled])).toEqual([
      [999, 0, 0, 0],
      [1000, 1, 0, 0],
      [1001, 0, 1, 1],
    ]);
  });
});
