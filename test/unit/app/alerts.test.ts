import { describe, expect, it } from 'vitest';
import { alertsView, confirmHeard, markReached, openAlertDetails, raiseAlert } from '../../../src/app/defense/alerts';
import { projectRoster } from '../../../src/domain/roster';
import { DEFAULT_ALERT_LIFETIME_MS } from '../../../src/domain/alerts';
import { readExpiryChain } from '../../../src/app/expiry-chains';
import { stepExpiryChains } from '../../../src/app/step-expiry-chains';
import { CHAIN_STEP_MS, hourOf } from '../../../src/records/expiry-chain';
import { expiringFieldKey } from '../../../src/records/expiry-steps';
import type { ExpiryChain } from '../../../src/records/expiry-chain';
import { fieldKey, openFields } from '../../../src/records/sealed-field';
import { fromBase64Url, toBase64Url } from '../../../src/records/bytes';
import { openCircle } from '../../../src/app/open-circle';
import { signingKeysFromSeed } from '../../../src/records/signatures';
import { alertHeardBody, alertRaisedBody, alertReachedBody } from '../../../src/records/kinds/alert';
import { makeRecord } from '../../../src/records/make';
import { foundingPhone, joiningPhone, sync } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';
import { recordMaker, withEntry } from '../../fixtures/record-kinds';
import { foundCircle, person, seedBytes } from '../../fixtures/circle';

function viewOf(phone: Phone) {
  const snapshot = phone.circle.replica.current();
  return alertsView(snapshot, projectRoster(snapshot.events, snapshot.circle.members), phone.deps.now());
}

describe('alerts', () => {
  it('are raised on one phone, reach another by sync, and count who was reached', async () => {
    const ana = await foundingPhone('Ana', 81);
    const bo = await joiningPhone(ana, 'Bo', 82);
    const cy = await joiningPhone(ana, 'Cy', 83);
    await sync(bo, cy);
    const raised = await raiseAlert(ana.circle, { kind: 'eviction', message: ' Bailiffs at the door ', place: 'Calle Sol 3', drill: false }, ana.deps);
    if (!raised.ok) throw new Error(raised.error);
    await sync(ana, bo);
    await sync(ana, cy);

    const seenByBo = viewOf(bo);
    expect(seenByBo.live).toEqual([raised.value]);
    expect(openAlertDetails(bo.circle, seenByBo.raised.get(raised.value)!, bo.deps.now())).toEqual({ message: 'Bailiffs at the door', place: 'Calle Sol 3' });
    expect(seenByBo.overview.alerts[0]!.audience).toBe(2);
    expect(seenByBo.overview.alerts[0]!.reached).toEqual([]);

    bo.deps.advance(60_000);
    expect(await confirmHeard(bo.circle, raised.value, bo.deps)).toEqual({ ok: true, value: undefined });
    expect(await confirmHeard(bo.circle, raised.value, bo.deps)).toEqual({ ok: false, error: 'already' });
    ana.deps.advance(120_000);
    expect(await markReached(ana.circle, raised.value, cy.circle.membership.memberKey, ana.deps)).toEqual({ ok: true, value: undefined });
    expect(await markReached(ana.circle, raised.value, cy.circle.membership.memberKey, ana.deps)).toEqual({ ok: false, error: 'already' });
    await sync(ana, bo);
    const coverage = viewOf(bo).overview.alerts[0]!;
    expect(coverage.fraction).toBe(1);
    expect(coverage.timeToEveryone).toBe(120_000);
  });

  it('answers bad input with what is wrong and stores nothing', async () => {
    const ana = await foundingPhone('Ana', 84);
    const before = ana.circle.replica.current().events.length;
    expect(await raiseAlert(ana.circle, { kind: 'eviction', message: '   ', place: '', drill: false }, ana.deps)).toEqual({ ok: false, error: 'message' });
    expect(await raiseAlert(ana.circle, { kind: 'eviction', message: 'x'.repeat(501), place: '', drill: false }, ana.deps)).toEqual({ ok: false, error: 'message' });
    expect(await raiseAlert(ana.circle, { kind: 'flood' as 'other', message: 'Water', place: '', drill: false }, ana.deps)).toEqual({ ok: false, error: 'kind' });
    const unknown = toBase64Url(seedBytes('alert', 9));
    expect(await markReached(ana.circle, unknown, ana.circle.membership.memberKey, ana.deps)).toEqual({ ok: false, error: 'unknown-alert' });
    expect(await confirmHeard(ana.circle, unknown, ana.deps)).toEqual({ ok: false, error: 'unknown-alert' });
    expect(ana.circle.replica.current().events.length).toBe(before);
  });

  it('never shows a forged alert, one raised by someone who is not a member', async () => {
    const ana = await foundingPhone('Ana', 85);
    const stranger = signingKeysFromSeed(seedBytes('stranger', 1));
    const forged = makeRecord(
      { kind: 'alert.raised', circle: ana.circle.replica.circleId, at: ana.deps.now(), body: alertRaisedBody({ alertKind: 'police', drill: false, expiresAt: null, sealedDetails: new Uint8Array(64) }) },
      stranger,
    );
    await ana.circle.replica.add(forged.bytes);
    const view = viewOf(ana);
    expect(view.live).toEqual([]);
    expect(view.overview.problems.map((problem) => problem.reason)).toContain('raised-by-non-member');
  });

  it('keeps the details only for members: another circle’s key or an altered seal does not open them', async () => {
    const ana = await foundingPhone('Ana', 86);
    const other = await foundingPhone('Oz', 87);
    const raised = await raiseAlert(ana.circle, { kind: 'court', message: 'Hearing moved', place: '', drill: true }, ana.deps);
    if (!raised.ok) throw new Error(raised.error);
    const record = viewOf(ana).raised.get(raised.value)!;
    expect(openAlertDetails(other.circle, record, other.deps.now())).toBe('not-for-this-circle');
    const altered = record.sealedDetails.slice();
    altered[40] = altered[40]! ^ 0xff;
    expect(openAlertDetails(ana.circle, { ...record, sealedDetails: altered }, ana.deps.now())).toBe('not-for-this-circle');
  });
});

describe('the expiry of alert details', () => {
  const DAY = 86_400_000;

  it('opens on every phone until the alert expires, and on none after, even with every key the phone stores', async () => {
    const ana = await foundingPhone('Ana', 91);
    const bo = await joiningPhone(ana, 'Bo', 92);
    bo.deps.advance(5 * DAY);
    const raised = await raiseAlert(bo.circle, { kind: 'police', message: 'Stop at the corner', place: 'Plaza 1', drill: false }, bo.deps);
    if (!raised.ok) throw new Error(raised.error);
    await sync(ana, bo);
    const record = viewOf(ana).raised.get(raised.value)!;
    expect(record.expiresAt).toBe(bo.deps.now() + DEFAULT_ALERT_LIFETIME_MS);
    ana.deps.set(record.expiresAt! - 60_000);
    expect(openAlertDetails(ana.circle, record, ana.deps.now())).toEqual({ message: 'Stop at the corner', place: 'Plaza 1' });

    // The hour after the expiry begins: the chain steps past it, in memory at once and on disk at the hourly step.
    ana.deps.set(record.expiresAt! + CHAIN_STEP_MS);
    expect(openAlertDetails(ana.circle, record, ana.deps.now())).toBe('expired');
    await stepExpiryChains(ana.vault, ana.deps.now());
    const stored = await readExpiryChain(ana.vault, ana.circle.membership.circleId);
    expect(stored!.hour).toBe(hourOf(ana.deps.now()));
    // Everything the phone keeps, the circle secret included: no key it can make opens the details.
    const sealedUnder = (chain: ExpiryChain, hours: number) =>
      openFields(expiringFieldKey(fieldKey(ana.circle.circleSecret), chain, record.expiresAt! + hours * CHAIN_STEP_MS) ?? new Uint8Array(32), { circle: ana.circle.replica.circleId, author: fromBase64Url(record.author)!, purpose: 'alert.details' }, record.sealedDetails);
    for (const hours of [0, 1, 2, 24]) expect(sealedUnder(stored!, hours).ok).toBe(false);
    // Reopened, the phone starts from the stepped chain in storage, and the details stay shut.
    const reopened = await openCircle(ana.circle.membership, ana.vault, ana.deps);
    expect(reopened.expiry.chain).toEqual(stored);
    expect(openAlertDetails(reopened, record, ana.deps.now())).toBe('expired');
  });

  it('a member whose phone has no chain cannot raise sealed details, and is told so', async () => {
    const ana = await foundingPhone('Ana', 93);
    ana.circle.expiry.chain = null;
    const before = ana.circle.replica.current().events.length;
    expect(await raiseAlert(ana.circle, { kind: 'eviction', message: 'Help', place: '', drill: false }, ana.deps)).toEqual({ ok: false, error: 'no-chain' });
    expect(ana.circle.replica.current().events.length).toBe(before);
  });
});

describe('alert records', () => {
  const circle = foundCircle();
  const ana = person(1);
  const { eventOf } = recordMaker(circle, ana);
  const body = alertRaisedBody({ alertKind: 'medical', drill: true, expiresAt: null, sealedDetails: new Uint8Array(64) });

  it('carry the kind, the drill flag and the sealed details; acknowledgements carry ids', () => {
    expect(eventOf('alert.raised', body)).toMatchObject({ kind: 'alert.raised', alertKind: 'medical', drill: true, expiresAt: null });
    const alert = toBase64Url(seedBytes('alert', 1));
    expect(eventOf('alert.reached', alertReachedBody(alert, person(2).key))).toMatchObject({ alert, member: person(2).key, author: ana.key });
    expect(eventOf('alert.heard', alertHeardBody(alert))).toMatchObject({ alert, author: ana.key });
  });

  it('reject what breaks the rules', () => {
    expect(eventOf('alert.raised', withEntry(body, 0, 5))).toBe('invalid-fields');
    expect(eventOf('alert.raised', withEntry(body, 1, 1))).toBe('invalid-fields');
    expect(eventOf('alert.raised', withEntry(body, 2, 5))).toBe('invalid-fields');
    expect(eventOf('alert.raised', withEntry(body, 3, new Uint8Array(10)))).toBe('invalid-fields');
    expect(eventOf('alert.raised', withEntry(body, 3, new Uint8Array(4096)))).toBe('invalid-fields');
    expect(eventOf('alert.raised', withEntry(body, 3, undefined))).toBe('invalid-fields');
    expect(eventOf('alert.raised', withEntry(body, 7, 1))).toBe('invalid-fields');
    const heard = alertHeardBody(toBase64Url(seedBytes('alert', 1)));
    expect(eventOf('alert.heard', withEntry(heard, 0, new Uint8Array(31)))).toBe('invalid-fields');
    expect(() => alertRaisedBody({ alertKind: 'medical', drill: false, expiresAt: null, sealedDetails: new Uint8Array(5) })).toThrow(RangeError);
  });
});
