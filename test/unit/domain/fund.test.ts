import { describe, expect, it } from 'vitest';
import { DEFAULT_FUND_RULES, fundSummary, isValidFundRules, MAX_AMOUNT, projectFund } from '../../../src/domain/fund';
import type { FundEvent, FundState } from '../../../src/domain/fund';
import {
  ANA,
  approved,
  BEN,
  CAM,
  context,
  contributed,
  CYCLE,
  DAY,
  declined,
  DEV,
  EVE,
  MEMBERS,
  OUTSIDER,
  paid,
  pledged,
  requested,
  T0,
  withdrawn,
} from './fund-fixture';

const project = (events: readonly FundEvent[], extra: Parameters<typeof context>[0] = {}): FundState => projectFund(events, context(extra));
const problems = (state: FundState): [string, string][] => state.problems.map((problem) => [problem.id, problem.reason]);
/** Money in the fund before anything is asked for. */
const float = [contributed({ id: 'c-ana', author: ANA, at: T0 - DAY }, 40_000), contributed({ id: 'c-ben', author: BEN, at: T0 - DAY }, 30_000)];
const rent = requested({ id: 'rent', author: ANA, at: T0 }, 20_000);

describe('projectFund: balance', () => {
  it('is nothing for no events', () => {
    const state = project([]);
    expect(state).toMatchObject({ balance: 0, contributed: 0, paidOut: 0, cycles: [], problems: [] });
    expect(state.requests.size).toBe(0);
  });

  it('is contributions minus payouts, with totals, counts and the balance per cycle', () => {
    const state = project([
      ...float,
      rent,
      approved({ id: 'a1', author: BEN, at: T0 + 1 }, 'rent'),
      approved({ id: 'a2', author: CAM, at: T0 + 2 }, 'rent'),
      paid({ id: 'p', author: DEV, at: T0 + CYCLE }, 'rent'),
      contributed({ id: 'c-cam', author: CAM, at: T0 + CYCLE + 1 }, 5_000),
    ]);
    expect(state.balance).toBe(70_000 - 20_000 + 5_000);
    expect(state.contributed).toBe(75_000);
    expect(state.paidOut).toBe(20_000);
    // Cycle 1000 moved no money but saw the request made and approved; a cycle where nothing happened is not listed.
    expect(state.cycles).toEqual([
      { cycle: 999, contributed: 70_000, paidOut: 0, requested: 0, approved: 0, paid: 0, balance: 70_000 },
      { cycle: 1000, contributed: 0, paidOut: 0, requested: 1, approved: 1, paid: 0, balance: 70_000 },
      { cycle: 1001, contributed: 5_000, paidOut: 20_000, requested: 0, approved: 0, paid: 1, balance: 55_000 },
    ]);
    expect(state.requests.get('rent')).toMatchObject({ status: 'paid', approvers: [BEN, CAM], closure: { id: 'p', author: DEV, status: 'paid' } });
  });

  it('counts an event that arrives twice once', () => {
    const state = project([...float, float[0]!]);
    expect(state.contributed).toBe(70_000);
  });
});

describe('projectFund: approvals and thresholds', () => {
  it('approves with two approvers besides the requester, not one', () => {
    const one = project([...float, rent, approved({ id: 'a1', author: BEN }, 'rent')]);
    expect(one.requests.get('rent')).toMatchObject({ status: 'open', required: 2, approvers: [BEN] });
    const two = project([...float, rent, approved({ id: 'a1', author: BEN }, 'rent'), approved({ id: 'a2', author: CAM }, 'rent')]);
    expect(two.requests.get('rent')?.status).toBe('approved');
  });

  it('needs the larger number of approvers only above the threshold', () => {
    const rules = { largeAmount: 20_000, largeApprovers: 3 };
    const atThreshold = project([rent], { rules });
    expect(atThreshold.requests.get('rent')?.required).toBe(2);
    const above = requested({ id: 'big', author: ANA }, 20_001);
    const events = [...float, above, approved({ id: 'a1', author: BEN, at: T0 + 1 }, 'big'), approved({ id: 'a2', author: CAM, at: T0 + 2 }, 'big')];
    const twoOfThree = project([...events, paid({ id: 'p', author: DEV, at: T0 + 3 }, 'big')], { rules });
    expect(twoOfThree.requests.get('big')).toMatchObject({ required: 3, status: 'open', approvers: [BEN, CAM] });
    expect(problems(twoOfThree)).toEqual([['p', 'not-approved']]);
    expect(twoOfThree.balance).toBe(70_000);
    const three = project([...events, approved({ id: 'a3', author: DEV, at: T0 + 3 }, 'big'), paid({ id: 'p', author: EVE, at: T0 + 4 }, 'big')], { rules });
    expect(three.requests.get('big')?.status).toBe('paid');
    expect(three.balance).toBe(70_000 - 20_001);
  });

  it('uses the default rules when none are given', () => {
    const big = requested({ id: 'big', author: ANA }, DEFAULT_FUND_RULES.largeAmount + 1);
    expect(project([big]).requests.get('big')?.required).toBe(DEFAULT_FUND_RULES.largeApprovers);
  });

  it('refuses rules it cannot apply', () => {
    for (const rules of [
      { largeAmount: 0, largeApprovers: 3 },
      { largeAmount: MAX_AMOUNT + 1, largeApprovers: 3 },
      { largeAmount: 100, largeApprovers: 1 },
      { largeAmount: 100, largeApprovers: 2.5 },
      { largeAmount: 100, largeApprovers: 13 },
    ]) {
      expect(isValidFundRules(rules)).toBe(false);
      expect(() => project([], { rules })).toThrow(RangeError);
    }
    expect(isValidFundRules({ largeAmount: 100, largeApprovers: 2 })).toBe(true);
  });

  it('keeps counting approvals after a request is approved, until it closes', () => {
    const state = project([
      ...float,
      rent,
      approved({ id: 'a1', author: BEN, at: T0 + 1 }, 'rent'),
      approved({ id: 'a2', author: CAM, at: T0 + 2 }, 'rent'),
      approved({ id: 'a3', author: DEV, at: T0 + 3 }, 'rent'),
      paid({ id: 'p', author: DEV, at: T0 + 4 }, 'rent'),
      approved({ id: 'a4', author: EVE, at: T0 + 5 }, 'rent'),
    ]);
    expect(state.requests.get('rent')).toMatchObject({ approvers: [BEN, CAM, DEV], uncounted: [{ id: 'a4', author: EVE, reason: 'request-closed' }] });
  });

  it('counts an approval whose clock says it came before the request', () => {
    const state = project([...float, rent, approved({ id: 'a1', author: BEN, at: T0 - 5 }, 'rent'), approved({ id: 'a2', author: CAM, at: T0 + 1 }, 'rent')]);
    expect(state.requests.get('rent')?.status).toBe('approved');
    expect(state.problems).toEqual([]);
  });
});

describe('projectFund: bad input is listed, and other events still count', () => {
  it('does not count an approval by the requester', () => {
    const state = project([
      ...float,
      rent,
      approved({ id: 'self', author: ANA, at: T0 + 1 }, 'rent'),
      approved({ id: 'a1', author: BEN, at: T0 + 2 }, 'rent'),
      paid({ id: 'p', author: CAM, at: T0 + 3 }, 'rent'),
    ]);
    expect(state.requests.get('rent')).toMatchObject({ status: 'open', approvers: [BEN], uncounted: [{ id: 'self', author: ANA, reason: 'by-requester' }] });
    expect(problems(state)).toEqual([
      ['self', 'by-requester'],
      ['p', 'not-approved'],
    ]);
    expect(state.balance).toBe(70_000);
  });

  it('counts the same member approving twice once', () => {
    const state = project([
      ...float,
      rent,
      approved({ id: 'a1', author: BEN, at: T0 + 1 }, 'rent'),
      approved({ id: 'a1-again', author: BEN, at: T0 + 2 }, 'rent'),
      paid({ id: 'p', author: CAM, at: T0 + 3 }, 'rent'),
    ]);
    expect(state.requests.get('rent')).toMatchObject({ status: 'open', approvers: [BEN], uncounted: [{ id: 'a1-again', reason: 'duplicate-approval' }] });
    expect(problems(state)).toEqual([
      ['a1-again', 'duplicate-approval'],
      ['p', 'not-approved'],
    ]);
  });

  it("does not count a non-member's approval, by membership at the approval's time", () => {
    const joinedLater = (member: string, at: number): boolean => MEMBERS.has(member) && (member !== CAM || at >= T0 + 10);
    const events = [...float, rent, approved({ id: 'a1', author: BEN, at: T0 + 1 }, 'rent'), approved({ id: 'x', author: OUTSIDER, at: T0 + 2 }, 'rent')];
    const state = project([...events, approved({ id: 'cam-early', author: CAM, at: T0 + 3 }, 'rent')], { membership: joinedLater });
    expect(state.requests.get('rent')).toMatchObject({ status: 'open', approvers: [BEN] });
    expect(problems(state)).toEqual([
      ['x', 'not-a-member'],
      ['cam-early', 'not-a-member'],
    ]);
    const later = project([...events, approved({ id: 'cam-later', author: CAM, at: T0 + 10 }, 'rent')], { membership: joinedLater });
    expect(later.requests.get('rent')?.status).toBe('approved');
  });

  it("does not count a non-member's pledge, contribution, request, decline or payout", () => {
    const state = project([
      ...float,
      pledged({ id: 'pl-x', author: OUTSIDER }, 1_000),
      contributed({ id: 'c-x', author: OUTSIDER }, 1_000),
      requested({ id: 'r-x', author: OUTSIDER }, 1_000),
      rent,
      declined({ id: 'd-x', author: OUTSIDER, at: T0 + 1 }, 'rent'),
      approved({ id: 'a1', author: BEN, at: T0 + 2 }, 'rent'),
      approved({ id: 'a2', author: CAM, at: T0 + 3 }, 'rent'),
      paid({ id: 'p-x', author: OUTSIDER, at: T0 + 4 }, 'rent'),
    ]);
    expect(problems(state).sort()).toEqual([
      ['c-x', 'not-a-member'],
      ['d-x', 'not-a-member'],
      ['p-x', 'not-a-member'],
      ['pl-x', 'not-a-member'],
      ['r-x', 'not-a-member'],
    ]);
    expect(state.pledges.size).toBe(0);
    expect([...state.requests.keys()]).toEqual(['rent']);
    expect(state.requests.get('rent')?.status).toBe('approved');
    expect(state.balance).toBe(70_000);
  });

  it('refuses negative, zero, fractional, unsafe and huge amounts', () => {
    const bad = [-500, 0, 10.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, MAX_AMOUNT + 1];
    const events: FundEvent[] = bad.flatMap((amount, n) => [
      pledged({ id: `pl${n}`, author: ANA }, amount),
      contributed({ id: `c${n}`, author: ANA }, amount),
      requested({ id: `r${n}`, author: ANA }, amount),
    ]);
    const state = project([...events, contributed({ id: 'max', author: BEN }, MAX_AMOUNT)]);
    expect(state.problems).toHaveLength(bad.length * 3);
    expect(state.problems.every((problem) => problem.reason === 'bad-amount')).toBe(true);
    expect(state.balance).toBe(MAX_AMOUNT);
    expect(state.pledges.size).toBe(0);
    expect(state.requests.size).toBe(0);
  });

  it('refuses a per-cycle pledge for no cycles or too many', () => {
    const state = project([
      pledged({ id: 'none', author: ANA }, 100, { kind: 'per-cycle', cycles: 0 }),
      pledged({ id: 'forever', author: ANA }, 100, { kind: 'per-cycle', cycles: 10_000 }),
      pledged({ id: 'odd', author: ANA }, 100, { kind: 'weekly' } as unknown as { kind: 'once' }),
    ]);
    expect(problems(state)).toEqual([
      ['forever', 'bad-schedule'],
      ['none', 'bad-schedule'],
      ['odd', 'bad-schedule'],
    ]);
  });

  it('lists decisions about an unknown request, and about one that did not count', () => {
    const state = project([
      requested({ id: 'huge', author: ANA }, MAX_AMOUNT + 1),
      approved({ id: 'a', author: BEN, at: T0 + 1 }, 'nowhere'),
      declined({ id: 'd', author: BEN, at: T0 + 2 }, 'nowhere'),
      withdrawn({ id: 'w', author: ANA, at: T0 + 3 }, 'nowhere'),
      paid({ id: 'p', author: BEN, at: T0 + 4 }, 'nowhere'),
      approved({ id: 'a-huge', author: BEN, at: T0 + 5 }, 'huge'),
    ]);
    expect(problems(state)).toEqual([
      ['huge', 'bad-amount'],
      ['a', 'unknown-request'],
      ['d', 'unknown-request'],
      ['w', 'unknown-request'],
      ['p', 'unknown-request'],
      ['a-huge', 'request-not-counted'],
    ]);
  });

  it('does not count an approval after the request was declined or withdrawn', () => {
    const state = project([
      rent,
      requested({ id: 'fees', author: BEN }, 1_000),
      declined({ id: 'd', author: CAM, at: T0 + 1 }, 'rent'),
      withdrawn({ id: 'w', author: BEN, at: T0 + 1 }, 'fees'),
      approved({ id: 'a-rent', author: DEV, at: T0 + 2 }, 'rent'),
      approved({ id: 'a-fees', author: DEV, at: T0 + 2 }, 'fees'),
    ]);
    expect(state.requests.get('rent')).toMatchObject({ status: 'declined', closure: { id: 'd', author: CAM } });
    expect(state.requests.get('fees')).toMatchObject({ status: 'withdrawn', closure: { id: 'w', author: BEN } });
    expect(problems(state)).toEqual([
      ['a-fees', 'request-closed'],
      ['a-rent', 'request-closed'],
    ]);
  });

  it('lets only the requester withdraw, and not the requester decline', () => {
    const state = project([rent, declined({ id: 'd', author: ANA, at: T0 + 1 }, 'rent'), withdrawn({ id: 'w', author: BEN, at: T0 + 2 }, 'rent')]);
    expect(state.requests.get('rent')?.status).toBe('open');
    expect(problems(state)).toEqual([
      ['d', 'by-requester'],
      ['w', 'not-the-requester'],
    ]);
  });

  it('declines an approved request that is not paid yet, and refuses to pay it after', () => {
    const state = project([
      ...float,
      rent,
      approved({ id: 'a1', author: BEN, at: T0 + 1 }, 'rent'),
      approved({ id: 'a2', author: CAM, at: T0 + 2 }, 'rent'),
      declined({ id: 'd', author: DEV, at: T0 + 3 }, 'rent'),
      paid({ id: 'p', author: EVE, at: T0 + 4 }, 'rent'),
    ]);
    expect(state.requests.get('rent')?.status).toBe('declined');
    expect(problems(state)).toEqual([['p', 'request-closed']]);
    expect(state.balance).toBe(70_000);
  });

  it('pays a request once, and refuses to withdraw it after', () => {
    const state = project([
      ...float,
      rent,
      approved({ id: 'a1', author: BEN, at: T0 + 1 }, 'rent'),
      approved({ id: 'a2', author: CAM, at: T0 + 2 }, 'rent'),
      paid({ id: 'p1', author: DEV, at: T0 + 3 }, 'rent'),
      paid({ id: 'p2', author: EVE, at: T0 + 4 }, 'rent'),
      withdrawn({ id: 'w', author: ANA, at: T0 + 5 }, 'rent'),
    ]);
    expect(state.paidOut).toBe(20_000);
    expect(problems(state)).toEqual([
      ['p2', 'request-closed'],
      ['w', 'request-closed'],
    ]);
  });

  it('refuses a payout larger than the balance at its time, and pays it once money is in', () => {
    const events = [
      contributed({ id: 'c1', author: BEN, at: T0 - 1 }, 15_000),
      rent,
      approved({ id: 'a1', author: BEN, at: T0 + 1 }, 'rent'),
      approved({ id: 'a2', author: CAM, at: T0 + 2 }, 'rent'),
      paid({ id: 'p1', author: DEV, at: T0 + 3 }, 'rent'),
      contributed({ id: 'c2', author: CAM, at: T0 + 4 }, 5_000),
    ];
    const short = project(events);
    expect(problems(short)).toEqual([['p1', 'insufficient-balance']]);
    expect(short.requests.get('rent')?.status).toBe('approved');
    expect(short.balance).toBe(20_000);
    const later = project([...events, paid({ id: 'p2', author: DEV, at: T0 + 5 }, 'rent')]);
    expect(later.requests.get('rent')?.status).toBe('paid');
    expect(later.balance).toBe(0);
  });
});

describe('projectFund: pledges', () => {
  it('tallies a one-off pledge against the contributions that name it', () => {
    const state = project([pledged({ id: 'pl', author: BEN }, 10_000), contributed({ id: 'c', author: BEN }, 4_000, 'pl')]);
    expect(state.pledges.get('pl')).toMatchObject({ member: BEN, promised: 10_000, due: 10_000, paid: 4_000, outstanding: 6_000 });
  });

  it('makes a per-cycle pledge fall due cycle by cycle, up to its end', () => {
    const pledge = pledged({ id: 'pl', author: BEN, at: T0 }, 1_000, { kind: 'per-cycle', cycles: 3 });
    const payments = [contributed({ id: 'c1', author: BEN }, 1_000, 'pl'), contributed({ id: 'c2', author: BEN, at: T0 + CYCLE }, 500, 'pl')];
    const due = (asOf: number): unknown => project([pledge, ...payments], { asOf }).pledges.get('pl');
    expect(due(T0 - CYCLE)).toMatchObject({ promised: 3_000, due: 0, paid: 1_500, outstanding: 0 });
    expect(due(T0)).toMatchObject({ due: 1_000, outstanding: 0 });
    expect(due(T0 + CYCLE)).toMatchObject({ due: 2_000, outstanding: 500 });
    expect(due(T0 + 10 * CYCLE)).toMatchObject({ due: 3_000, outstanding: 1_500 });
  });

  it("keeps the money of a contribution whose pledge is unknown, refused or someone else's", () => {
    const state = project([
      pledged({ id: 'pl-ben', author: BEN }, 1_000),
      pledged({ id: 'pl-bad', author: CAM }, -1),
      contributed({ id: 'c1', author: ANA }, 100, 'pl-ben'),
      contributed({ id: 'c2', author: CAM }, 200, 'pl-bad'),
      contributed({ id: 'c3', author: DEV }, 300, 'pl-nowhere'),
    ]);
    expect(state.balance).toBe(600);
    expect(state.pledges.get('pl-ben')?.paid).toBe(0);
    expect(problems(state)).toEqual([
      ['c1', 'not-their-pledge'],
      ['c2', 'pledge-not-counted'],
      ['c3', 'unknown-pledge'],
      ['pl-bad', 'bad-amount'],
    ]);
  });
});

describe('fundSummary', () => {
  it('gives totals and counts, and no member key', () => {
    const state = project([
      ...float,
      pledged({ id: 'pl', author: BEN }, 10_000, { kind: 'per-cycle', cycles: 2 }),
      pledged({ id: 'pl2', author: BEN }, 1_000),
      rent,
      requested({ id: 'fees', author: EVE }, 1_000, 'legal'),
      approved({ id: 'a1', author: BEN, at: T0 + 1 }, 'rent'),
      approved({ id: 'a2', author: CAM, at: T0 + 2 }, 'rent'),
      paid({ id: 'p', author: DEV, at: T0 + 3 }, 'rent'),
    ]);
    const summary = fundSummary(state);
    expect(summary).toEqual({
      balance: 50_000,
      contributed: 70_000,
      paidOut: 20_000,
      cycles: [
        { cycle: 999, contributed: 70_000, paidOut: 0, requested: 0, approved: 0, paid: 0, balance: 70_000 },
        { cycle: 1000, contributed: 0, paidOut: 20_000, requested: 2, approved: 1, paid: 1, balance: 50_000 },
      ],
      requests: { open: 1, approved: 0, paid: 1, declined: 0, withdrawn: 0 },
      pledges: { count: 2, promised: 21_000, due: 11_000, paid: 0, outstanding: 11_000 },
      pledgers: 1,
    });
    const text = JSON.stringify(summary);
    for (const key of [...MEMBERS]) expect(text).not.toContain(key);
  });
});
