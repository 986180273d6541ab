import { describe, expect, it } from 'vitest';
import { approve, contribute, decline, markPaid, pledge, requestSupport, setFundRules, withdraw } from '../../../src/app/defense/fund';
import { fundOf } from '../../../src/app/fund-view';
import { cycleByIndex } from '../../../src/domain/cycles';
import { fundSummary } from '../../../src/domain/fund';
import { loadLanguage, makeTranslator } from '../../../src/i18n/i18n';
import { fundTotalsText } from '../../../src/ui/defense/fund-totals-text';
import { parseHash, hrefFor } from '../../../src/ui/shell/router';
import { foundingPhone, joiningPhone, sync } from '../../fixtures/app';

const DAY = 86_400_000;
const en = makeTranslator('en', await loadLanguage('en', ['defense']));
const es = makeTranslator('es', await loadLanguage('es', ['defense']));

function idOf<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`refused: ${String(result.error)}`);
  return result.value;
}

/** A fund with money in and out over two cycles, and requests whose notes and askers must not leave the circle. */
async function busyFund() {
  const ana = await foundingPhone('Marisol Quintero', 91);
  const bo = await joiningPhone(ana, 'Bongani Achterberg', 92);
  const cy = await joiningPhone(ana, 'Yusuf Threlkeld', 93);
  await sync(ana, bo);
  const phones = [ana, bo, cy];
  let clock = Math.max(...phones.map((phone) => phone.deps.now()));
  const tick = (ms = 60_000): void => {
    clock += ms;
    for (const phone of phones) phone.deps.set(clock);
  };
  const syncAll = async (): Promise<void> => {
    await sync(ana, bo);
    await sync(ana, cy);
    await sync(ana, bo);
  };
  tick();
  const promise = idOf(await pledge(bo.circle, { amount: 2_000, schedule: { kind: 'per-cycle', cycles: 6 } }, bo.deps));
  idOf(await contribute(bo.circle, { amount: 2_000, pledge: promise }, bo.deps));
  idOf(await contribute(ana.circle, { amount: 60_000, pledge: null }, ana.deps));
  idOf(await setFundRules(cy.circle, { largeAmount: 40_000, largeApprovers: 2 }, cy.deps));
  tick();
  const rent = idOf(await requestSupport(ana.circle, { amount: 12_345, reason: 'housing', note: 'Rent arrears, landlord Petrakis at Calle Sol 14' }, ana.deps));
  const funeral = idOf(await requestSupport(bo.circle, { amount: 30_000, reason: 'bereavement', note: 'Funeral of my aunt Dorotea' }, bo.deps));
  const lawyer = idOf(await requestSupport(cy.circle, { amount: 5_000, reason: 'legal', note: 'Hearing with Judge Okonkwo' }, cy.deps));
  await syncAll();
  tick();
  idOf(await approve(bo.circle, rent, bo.deps));
  idOf(await approve(cy.circle, rent, cy.deps));
  idOf(await decline(ana.circle, funeral, ana.deps));
  idOf(await withdraw(cy.circle, lawyer, cy.deps));
  await syncAll();
  tick(35 * DAY);
  idOf(await markPaid(bo.circle, rent, bo.deps));
  await syncAll();
  return { phones, ana, now: clock };
}

describe('the published totals text', () => {
  it('holds no name, no note, no reason, no circle name and no key, in either language', async () => {
    const { phones, ana, now } = await busyFund();
    const snapshot = ana.circle.replica.current();
    const summary = fundSummary(fundOf(snapshot, now));
    const rule = ana.view().settings.current.resetRule;
    const cycleStart = (cycle: number): number => cycleByIndex(rule, cycle).start.getTime();
    const texts = [en, es].map((translator) => fundTotalsText({ summary, asOf: now, cycleStart }, translator));

    const written = [
      ...phones.flatMap((phone) => [phone.name, ...phone.name.split(' ')]),
      'Petrakis',
      'arrears',
      'Dorotea',
      'Funeral',
      'Okonkwo',
      'Calle Sol',
      snapshot.circle.circle?.name ?? 'no circle name',
      // The reasons too: in a small neighbourhood "bereavement" in one cycle names a family.
      en.t('fund.reason.bereavement'),
      en.t('fund.reason.housing'),
      en.t('fund.reason.legal'),
      es.t('fund.reason.bereavement'),
      es.t('fund.reason.housing'),
      es.t('fund.reason.legal'),
    ];
    const keys = [...snapshot.circle.members.keys()];
    const ids = snapshot.events.map((event) => event.id);
    for (const text of texts) {
      for (const word of written) expect(text).not.toContain(word);
      for (const key of keys) expect(text).not.toContain(key.slice(0, 12));
      for (const id of ids) expect(text).not.toContain(id.slice(0, 12));
    }
  });

  it('says what moved, cycle by cycle, with the balance', async () => {
    const { ana, now } = await busyFund();
    const summary = fundSummary(fundOf(ana.circle.replica.current(), now));
    const rule = ana.view().settings.current.resetRule;
    const cycleStart = (cycle: number): number => cycleByIndex(rule, cycle).start.getTime();
    expect(summary.cycles.length).toBe(2);
    const english = fundTotalsText({ summary, asOf: now, cycleStart }, en);
    const spanish = fundTotalsText({ summary, asOf: now, cycleStart }, es);
    expect(english).toContain('Emergency fund: published totals');
    expect(english).toContain('In the fund: 496.55');
    expect(english).toContain('Paid in 620.00, paid out 123.45.');
    expect(english).toContain('Requests: 3 made, 1 approved, 1 paid.');
    expect(english).toContain('Now: 0 waiting for approvals, 0 approved and not yet paid, 1 declined, 1 withdrawn.');
    expect(english).toContain('Members pledging: 1.');
    const lines = english.split('\n').filter((line) => line.startsWith('Cycle from'));
    expect(lines).toEqual([
      `Cycle from ${en.date(cycleStart(summary.cycles[0]!.cycle))}: paid in 620.00, paid out 0.00; requests 3 made, 1 approved, 0 paid; balance 620.00.`,
      `Cycle from ${en.date(cycleStart(summary.cycles[1]!.cycle))}: paid in 0.00, paid out 123.45; requests 0 made, 0 approved, 1 paid; balance 496.55.`,
    ]);
    expect(spanish).toContain('En el fondo: 496,55');
    expect(spanish.split('\n').filter((line) => line.startsWith('Ciclo desde'))).toHaveLength(2);
  });

  it('says when nothing has moved yet', async () => {
    const ana = await foundingPhone('Ana', 94);
    const summary = fundSummary(fundOf(ana.circle.replica.current(), ana.deps.now()));
    const text = fundTotalsText({ summary, asOf: ana.deps.now(), cycleStart: () => 0 }, en);
    expect(text).toContain('Nothing has moved through the fund yet.');
    expect(text).toContain('In the fund: 0.00');
  });

  it('lives at #/fund/totals', () => {
    expect(parseHash('#/fund/totals')).toEqual({ name: 'fund-totals' });
    expect(hrefFor({ name: 'fund-totals' })).toBe('#/fund/totals');
    expect(parseHash('#/fund')).toEqual({ name: 'fund' });
    expect(parseHash('#/fund/other')).toEqual({ name: 'not-found', path: 'fund/other' });
  });
});
