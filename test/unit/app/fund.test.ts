import { describe, expect, it } from 'vitest';
import { approve, contribute, decline, markPaid, pledge, requestSupport, setFundRules, withdraw } from '../../../src/app/defense/fund';
import { fundOf } from '../../../src/app/fund-view';
import { DEFAULT_FUND_RULES, MAX_AMOUNT } from '../../../src/domain/fund';
import { fundPledgedBody, fundSettingsBody } from '../../../src/records/kinds/fund';
import { makeRecord } from '../../../src/records/make';
import { foundingPhone, joiningPhone, sync } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';
import { person } from '../../fixtures/circle';

const MINUTE = 60_000;

/** Three members who have all seen each other's admissions, and a clock they share. */
async function threePhones(seed: number) {
  const ana = await foundingPhone('Ana', seed);
  const bo = await joiningPhone(ana, 'Bo', seed + 1);
  const cy = await joiningPhone(ana, 'Cy', seed + 2);
  await sync(ana, bo);
  const phones = [ana, bo, cy];
  let clock = Math.max(...phones.map((phone) => phone.deps.now()));
  /**
   * Moves every clock on a minute before the next step: the fund walks its
   * records by time, so steps taken at the same instant would be walked in
   * the order of their ids rather than the order they were taken in.
   */
  const tick = (): void => {
    clock += MINUTE;
    for (const phone of phones) phone.deps.set(clock);
  };
  tick();
  const syncAll = async (): Promise<void> => {
    await sync(ana, bo);
    await sync(ana, cy);
    await sync(ana, bo);
  };
  return { ana, bo, cy, tick, syncAll };
}

function fundSeenBy(phone: Phone) {
  return fundOf(phone.circle.replica.current(), phone.deps.now());
}

function idOf<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`refused: ${String(result.error)}`);
  return result.value;
}

describe('the emergency fund', () => {
  it('pays a request once two other members approve it', async () => {
    const { ana, bo, cy, tick, syncAll } = await threePhones(71);
    const promise = idOf(await pledge(ana.circle, { amount: 10_000, schedule: { kind: 'per-cycle', cycles: 12 } }, ana.deps));
    tick();
    expect(await contribute(ana.circle, { amount: 30_000, pledge: promise }, ana.deps)).toMatchObject({ ok: true });
    tick();
    const rent = idOf(await requestSupport(bo.circle, { amount: 20_000, reason: 'housing', note: '  Rent   due on the 5th ' }, bo.deps));
    await syncAll();
    tick();
    expect(await approve(ana.circle, rent, ana.deps)).toMatchObject({ ok: true });
    tick();
    expect(await approve(cy.circle, rent, cy.deps)).toMatchObject({ ok: true });
    await syncAll();
    tick();
    expect(await markPaid(cy.circle, rent, cy.deps)).toMatchObject({ ok: true });
    await syncAll();

    for (const phone of [ana, bo, cy]) {
      const fund = fundSeenBy(phone);
      expect(fund.balance).toBe(10_000);
      expect(fund.problems).toEqual([]);
      expect(fund.requests.get(rent)).toMatchObject({
        requester: bo.circle.membership.memberKey,
        status: 'paid',
        approvers: [ana.circle.membership.memberKey, cy.circle.membership.memberKey],
        closure: { author: cy.circle.membership.memberKey, status: 'paid' },
      });
      expect(fund.pledges.get(promise)).toMatchObject({ paid: 30_000, promised: 120_000 });
    }
    const request = bo.circle.replica.current().events.find((event) => event.id === rent);
    expect(request).toMatchObject({ kind: 'support.requested', note: 'Rent due on the 5th' });
  });

  it('refuses approvals and payouts the fund would not count', async () => {
    const { ana, bo, cy, tick, syncAll } = await threePhones(72);
    idOf(await contribute(ana.circle, { amount: 15_000, pledge: null }, ana.deps));
    tick();
    const rent = idOf(await requestSupport(bo.circle, { amount: 10_000, reason: 'housing', note: '' }, bo.deps));
    const car = idOf(await requestSupport(bo.circle, { amount: 20_000, reason: 'other', note: '' }, bo.deps));
    await syncAll();
    tick();

    expect(await approve(bo.circle, rent, bo.deps)).toEqual({ ok: false, error: 'own-request' });
    expect(await decline(bo.circle, rent, bo.deps)).toEqual({ ok: false, error: 'own-request' });
    expect(await withdraw(ana.circle, rent, ana.deps)).toEqual({ ok: false, error: 'not-the-requester' });
    expect(await approve(ana.circle, 'nothing', ana.deps)).toEqual({ ok: false, error: 'unknown-request' });
    idOf(await approve(ana.circle, rent, ana.deps));
    tick();
    expect(await approve(ana.circle, rent, ana.deps)).toEqual({ ok: false, error: 'already-approved' });
    expect(await markPaid(ana.circle, rent, ana.deps)).toEqual({ ok: false, error: 'not-approved' });

    idOf(await approve(ana.circle, car, ana.deps));
    idOf(await approve(cy.circle, car, cy.deps));
    await syncAll();
    tick();
    expect(fundSeenBy(ana).requests.get(car)?.status).toBe('approved');
    expect(await markPaid(ana.circle, car, ana.deps)).toEqual({ ok: false, error: 'insufficient-balance' });

    idOf(await approve(cy.circle, rent, cy.deps));
    tick();
    idOf(await markPaid(cy.circle, rent, cy.deps));
    tick();
    expect(await markPaid(cy.circle, rent, cy.deps)).toEqual({ ok: false, error: 'request-closed' });
    idOf(await withdraw(bo.circle, car, bo.deps));
    await syncAll();
    tick();
    expect(await approve(cy.circle, car, cy.deps)).toEqual({ ok: false, error: 'request-closed' });
    expect(await decline(ana.circle, car, ana.deps)).toEqual({ ok: false, error: 'request-closed' });

    const fund = fundSeenBy(ana);
    expect(fund.balance).toBe(5_000);
    expect(fund.problems).toEqual([]);
    expect(fund.requests.get(car)?.status).toBe('withdrawn');
  });

  it('refuses bad amounts, reasons, notes and pledges that are not the member’s own', async () => {
    const { ana, bo, tick, syncAll } = await threePhones(73);
    const anaPledge = idOf(await pledge(ana.circle, { amount: 500, schedule: { kind: 'once' } }, ana.deps));
    await syncAll();
    tick();
    expect(await pledge(bo.circle, { amount: 0, schedule: { kind: 'once' } }, bo.deps)).toEqual({ ok: false, error: 'amount' });
    expect(await pledge(bo.circle, { amount: 100, schedule: { kind: 'per-cycle', cycles: 0 } }, bo.deps)).toEqual({ ok: false, error: 'schedule' });
    expect(await contribute(bo.circle, { amount: 10_000_001, pledge: null }, bo.deps)).toEqual({ ok: false, error: 'amount' });
    expect(await contribute(bo.circle, { amount: 500, pledge: anaPledge }, bo.deps)).toEqual({ ok: false, error: 'not-their-pledge' });
    expect(await contribute(bo.circle, { amount: 500, pledge: 'nowhere' }, bo.deps)).toEqual({ ok: false, error: 'unknown-pledge' });
    expect(await requestSupport(bo.circle, { amount: 1.5, reason: 'food', note: '' }, bo.deps)).toEqual({ ok: false, error: 'amount' });
    expect(await requestSupport(bo.circle, { amount: 100, reason: 'holiday' as 'food', note: '' }, bo.deps)).toEqual({ ok: false, error: 'reason' });
    expect(await requestSupport(bo.circle, { amount: 100, reason: 'food', note: 'x'.repeat(281) }, bo.deps)).toEqual({ ok: false, error: 'note' });
    expect(fundSeenBy(bo).requests.size).toBe(0);
    expect(fundSeenBy(bo).pledges.size).toBe(1);
  });

  it('lists a pledge signed by someone who is not a member as a problem, and does not count it', async () => {
    const { ana, bo, syncAll } = await threePhones(74);
    const stranger = person(99);
    const forged = makeRecord(
      { kind: 'fund.pledged', circle: ana.circle.replica.circleId, at: ana.deps.now(), body: fundPledgedBody({ amount: 1_000, schedule: { kind: 'once' } }) },
      stranger.signing,
    );
    expect((await ana.circle.replica.add(forged.bytes)).ok).toBe(true);
    await syncAll();

    for (const phone of [ana, bo]) {
      const fund = fundSeenBy(phone);
      expect(fund.pledges.has(forged.id)).toBe(false);
      expect(fund.problems).toEqual([{ id: forged.id, kind: 'fund.pledged', author: stranger.key, at: ana.deps.now(), reason: 'not-a-member' }]);
    }
  });

  it('keeps its projection until a record about the fund arrives', async () => {
    const { ana, tick } = await threePhones(75);
    const before = fundSeenBy(ana);
    expect(fundSeenBy(ana)).toBe(before);
    tick();
    idOf(await contribute(ana.circle, { amount: 100, pledge: null }, ana.deps));
    const after = fundSeenBy(ana);
    expect(after).not.toBe(before);
    expect(after.balance).toBe(100);
  });
});

describe('the fund’s rules', () => {
  it('change on every phone, and a request keeps the rules it was made under', async () => {
    const { ana, bo, cy, tick, syncAll } = await threePhones(76);
    idOf(await contribute(ana.circle, { amount: 100_000, pledge: null }, ana.deps));
    tick();
    const before = idOf(await requestSupport(bo.circle, { amount: 30_000, reason: 'legal', note: '' }, bo.deps));
    tick();
    const stricter = { largeAmount: 20_000, largeApprovers: 3 };
    idOf(await setFundRules(ana.circle, stricter, ana.deps));
    await syncAll();
    tick();
    const after = idOf(await requestSupport(bo.circle, { amount: 30_000, reason: 'legal', note: '' }, bo.deps));
    await syncAll();

    for (const phone of [ana, bo, cy]) {
      const fund = fundSeenBy(phone);
      expect(fund.rules).toEqual(stricter);
      expect(fund.rulesHistory).toMatchObject([{ changedBy: ana.circle.membership.memberKey, rules: stricter }]);
      expect(fund.requests.get(before)).toMatchObject({ rules: DEFAULT_FUND_RULES, required: 2 });
      expect(fund.requests.get(after)).toMatchObject({ rules: stricter, required: 3 });
      expect(fund.problems).toEqual([]);
    }
    tick();
    idOf(await approve(ana.circle, after, ana.deps));
    idOf(await approve(cy.circle, after, cy.deps));
    await syncAll();
    tick();
    expect(await markPaid(cy.circle, after, cy.deps)).toEqual({ ok: false, error: 'not-approved' });
  });

  it('refuses a large amount of 0 or over the maximum, and approvers out of range, storing nothing', async () => {
    const { bo } = await threePhones(77);
    const tries: [number, number, string][] = [
      [0, 3, 'large-amount'],
      [MAX_AMOUNT + 1, 3, 'large-amount'],
      [12.5, 3, 'large-amount'],
      [10_000, 1, 'large-approvers'],
      [10_000, 13, 'large-approvers'],
      [10_000, 2.5, 'large-approvers'],
      [10_000, Number.NaN, 'large-approvers'],
    ];
    for (const [largeAmount, largeApprovers, error] of tries) {
      expect(await setFundRules(bo.circle, { largeAmount, largeApprovers }, bo.deps)).toEqual({ ok: false, error });
    }
    expect(bo.circle.replica.current().events.some((event) => event.kind === 'fund.settings')).toBe(false);
    expect(fundSeenBy(bo).rules).toEqual(DEFAULT_FUND_RULES);
  });

  it('does not take rules signed by someone who is not a member', async () => {
    const { ana, bo, syncAll } = await threePhones(78);
    const stranger = person(98);
    const forged = makeRecord(
      { kind: 'fund.settings', circle: ana.circle.replica.circleId, at: ana.deps.now(), body: fundSettingsBody({ largeAmount: 100, largeApprovers: 12 }) },
      stranger.signing,
    );
    expect((await ana.circle.replica.add(forged.bytes)).ok).toBe(true);
    await syncAll();
    for (const phone of [ana, bo]) {
      const fund = fundSeenBy(phone);
      expect(fund.rules).toEqual(DEFAULT_FUND_RULES);
      expect(fund.problems).toEqual([{ id: forged.id, kind: 'fund.settings', author: stranger.key, at: ana.deps.now(), reason: 'not-a-member' }]);
    }
  });
});
