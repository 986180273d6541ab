import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT, MAX_APPROVERS, MAX_PLEDGE_CYCLES, MIN_APPROVERS } from '../../../src/domain/fund';
import { toBase64Url } from '../../../src/records/bytes';
import {
  FUND_LIMITS,
  fundContributedBody,
  fundPledgedBody,
  fundSettingsBody,
  supportDecisionBody,
  supportRequestedBody,
} from '../../../src/records/kinds/fund';
import { recordMaker, withEntry } from '../../fixtures/record-kinds';
import { foundCircle, person, seedBytes } from '../../fixtures/circle';

const circle = foundCircle();
const ana = person(1);
const { eventOf } = recordMaker(circle, ana);
const REQUEST = toBase64Url(seedBytes('request', 1));
const PLEDGE = toBase64Url(seedBytes('pledge', 1));
const DECISIONS = ['support.approved', 'support.declined', 'support.withdrawn', 'support.paid'] as const;

describe('fund records', () => {
  it('carry pledges once or per cycle', () => {
    expect(eventOf('fund.pledged', fundPledgedBody({ amount: 2_500, schedule: { kind: 'once' } }))).toMatchObject({
      kind: 'fund.pledged',
      author: ana.key,
      amount: 2_500,
      schedule: { kind: 'once' },
    });
    const monthly = { amount: MAX_AMOUNT, schedule: { kind: 'per-cycle', cycles: MAX_PLEDGE_CYCLES } } as const;
    expect(eventOf('fund.pledged', fundPledgedBody(monthly))).toMatchObject(monthly);
  });

  it('carry contributions with or without their pledge', () => {
    expect(eventOf('fund.contributed', fundContributedBody({ amount: 1, pledge: null }))).toMatchObject({ kind: 'fund.contributed', amount: 1, pledge: null });
    expect(eventOf('fund.contributed', fundContributedBody({ amount: 700, pledge: PLEDGE }))).toMatchObject({ amount: 700, pledge: PLEDGE });
  });

  it('carry requests with a reason and an optional note', () => {
    const request = { amount: 40_000, reason: 'bereavement', note: 'For the funeral on Friday' } as const;
    expect(eventOf('support.requested', supportRequestedBody(request))).toMatchObject({ kind: 'support.requested', author: ana.key, ...request });
    const bare = { amount: 900, reason: 'food', note: null } as const;
    expect(eventOf('support.requested', supportRequestedBody(bare))).toMatchObject(bare);
    expect(supportRequestedBody(bare).has(2)).toBe(false);
  });

  it('carry approvals, declines, withdrawals and payouts naming a request', () => {
    for (const kind of DECISIONS) expect(eventOf(kind, supportDecisionBody(REQUEST))).toMatchObject({ kind, author: ana.key, request: REQUEST });
  });

  it('refuse to build what breaks the rules', () => {
    expect(() => fundPledgedBody({ amount: 0, schedule: { kind: 'once' } })).toThrow('amount');
    expect(() => fundPledgedBody({ amount: 10.5, schedule: { kind: 'once' } })).toThrow('amount');
    expect(() => fundPledgedBody({ amount: 100, schedule: { kind: 'per-cycle', cycles: MAX_PLEDGE_CYCLES + 1 } })).toThrow('schedule');
    expect(() => fundContributedBody({ amount: MAX_AMOUNT + 1, pledge: null })).toThrow('amount');
    expect(() => fundContributedBody({ amount: 100, pledge: 'short' })).toThrow('pledge');
    expect(() => supportRequestedBody({ amount: 100, reason: 'holiday' as 'other', note: null })).toThrow('reason');
    expect(() => supportRequestedBody({ amount: 100, reason: 'other', note: ' padded' })).toThrow('note');
    expect(() => supportRequestedBody({ amount: 100, reason: 'other', note: '' })).toThrow('note');
    expect(() => supportRequestedBody({ amount: 100, reason: 'other', note: 'x'.repeat(FUND_LIMITS.noteChars + 1) })).toThrow('note');
    expect(() => supportDecisionBody(toBase64Url(new Uint8Array(31)))).toThrow('record id');
  });

  it('reject bad amounts', () => {
    const pledge = fundPledgedBody({ amount: 100, schedule: { kind: 'once' } });
    for (const amount of [0, -5, MAX_AMOUNT + 1, 2 ** 40, '100']) {
      expect(eventOf('fund.pledged', withEntry(pledge, 0, amount))).toBe('invalid-fields');
      expect(eventOf('fund.contributed', withEntry(fundContributedBody({ amount: 100, pledge: null }), 0, amount))).toBe('invalid-fields');
      expect(eventOf('support.requested', withEntry(supportRequestedBody({ amount: 100, reason: 'legal', note: null }), 0, amount))).toBe('invalid-fields');
    }
    expect(eventOf('fund.pledged', withEntry(pledge, 0, undefined))).toBe('invalid-fields');
  });

  it('reject bad schedules, reasons and notes', () => {
    const pledge = fundPledgedBody({ amount: 100, schedule: { kind: 'once' } });
    for (const cycles of [0, MAX_PLEDGE_CYCLES + 1, -1, null]) expect(eventOf('fund.pledged', withEntry(pledge, 1, cycles))).toBe('invalid-fields');
    const request = supportRequestedBody({ amount: 100, reason: 'legal', note: null });
    expect(eventOf('support.requested', withEntry(request, 1, 6))).toBe('invalid-fields');
    expect(eventOf('support.requested', withEntry(request, 1, 'legal'))).toBe('invalid-fields');
    expect(eventOf('support.requested', withEntry(request, 1, undefined))).toBe('invalid-fields');
    expect(eventOf('support.requested', withEntry(request, 2, ''))).toBe('invalid-fields');
    expect(eventOf('support.requested', withEntry(request, 2, null))).toBe('invalid-fields');
    expect(eventOf('support.requested', withEntry(request, 2, 'two\nlines'))).toBe('invalid-fields');
    expect(eventOf('support.requested', withEntry(request, 2, 'x'.repeat(FUND_LIMITS.noteChars + 1)))).toBe('invalid-fields');
    expect(eventOf('support.requested', withEntry(request, 2, 'x'.repeat(FUND_LIMITS.noteChars)))).toMatchObject({ note: 'x'.repeat(FUND_LIMITS.noteChars) });
  });

  it('reject references that are not 32-byte record ids', () => {
    const contribution = fundContributedBody({ amount: 100, pledge: PLEDGE });
    for (const id of [new Uint8Array(31), new Uint8Array(33), PLEDGE, null]) {
      expect(eventOf('fund.contributed', withEntry(contribution, 1, id))).toBe('invalid-fields');
      for (const kind of DECISIONS) expect(eventOf(kind, withEntry(supportDecisionBody(REQUEST), 0, id))).toBe('invalid-fields');
    }
    for (const kind of DECISIONS) expect(eventOf(kind, new Map())).toBe('invalid-fields');
  });

  it('reject keys no phone of ours writes', () => {
    expect(eventOf('fund.pledged', withEntry(fundPledgedBody({ amount: 100, schedule: { kind: 'once' } }), 2, 1))).toBe('invalid-fields');
    expect(eventOf('fund.contributed', withEntry(fundContributedBody({ amount: 100, pledge: null }), 2, 1))).toBe('invalid-fields');
    expect(eventOf('support.requested', withEntry(supportRequestedBody({ amount: 100, reason: 'health', note: null }), 3, 'x'))).toBe('invalid-fields');
    for (const kind of DECISIONS) expect(eventOf(kind, withEntry(supportDecisionBody(REQUEST), 1, 100))).toBe('invalid-fields');
  });
});

describe('fund rules records', () => {
  const rules = fundSettingsBody({ largeAmount: 50_000, largeApprovers: 3 });

  it('carry the large amount and the approvers a large request needs', () => {
    expect(eventOf('fund.settings', rules)).toMatchObject({ kind: 'fund.settings', author: ana.key, largeAmount: 50_000, largeApprovers: 3 });
    const bounds = { largeAmount: MAX_AMOUNT, largeApprovers: MAX_APPROVERS };
    expect(eventOf('fund.settings', fundSettingsBody(bounds))).toMatchObject(bounds);
    expect(eventOf('fund.settings', fundSettingsBody({ largeAmount: 1, largeApprovers: MIN_APPROVERS }))).toMatchObject({ largeAmount: 1, largeApprovers: 2 });
  });

  it('refuse to build rules no phone can apply', () => {
    expect(() => fundSettingsBody({ largeAmount: 0, largeApprovers: 3 })).toThrow('fund rules');
    expect(() => fundSettingsBody({ largeAmount: MAX_AMOUNT + 1, largeApprovers: 3 })).toThrow('fund rules');
    expect(() => fundSettingsBody({ largeAmount: 100, largeApprovers: MIN_APPROVERS - 1 })).toThrow('fund rules');
    expect(() => fundSettingsBody({ largeAmount: 100, largeApprovers: MAX_APPROVERS + 1 })).toThrow('fund rules');
  });

  it('reject a large amount of 0, over the maximum, or not a whole number', () => {
    for (const amount of [0, -1, MAX_AMOUNT + 1, 2 ** 40, '500', null, undefined]) {
      expect(eventOf('fund.settings', withEntry(rules, 0, amount))).toBe('invalid-fields');
    }
  });

  it('reject approvers out of range', () => {
    for (const approvers of [0, 1, MAX_APPROVERS + 1, 255, -3, '3', true, undefined]) {
      expect(eventOf('fund.settings', withEntry(rules, 1, approvers))).toBe('invalid-fields');
    }
  });

  it('reject unknown keys', () => {
    expect(eventOf('fund.settings', withEntry(rules, 2, 1))).toBe('invalid-fields');
    expect(eventOf('fund.settings', withEntry(rules, 7, 'more'))).toBe('invalid-fields');
    expect(eventOf('fund.settings', new Map())).toBe('invalid-fields');
  });
});
