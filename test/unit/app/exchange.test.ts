import { describe, expect, it } from 'vitest';
import {
  acceptReceipt,
  checkInput,
  confirmDraft,
  reviewDraftCode,
  startExchange,
} from '../../../src/app/exchange';
import type { ExchangeInput, ReviewContext } from '../../../src/app/exchange';
import { changeSettings } from '../../../src/app/circle-rules';
import { balanceOf, conflictsFor } from '../../../src/domain/ledger';
import { newMoonsBetween } from '../../../src/domain/lunar';
import { makeExchangeDraft } from '../../../src/records/make';
import { signingKeysFromSeed } from '../../../src/records/signatures';
import { CodeKind, encodeFrame } from '../../../src/qr/frame';
import { foundingPhone, joiningPhone, settle, sync } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';

const HELPED: ExchangeInput = { role: 'provider', quarters: 6, skill: 'repair', note: 'Fixed the bike', seats: 1 };

async function context(phone: Phone): Promise<ReviewContext> {
  await settle();
  const records = phone.circle.replica.doc.getMap<Uint8Array>('records');
  return {
    circle: phone.circle,
    view: phone.view(),
    pending: await phone.vault.pendingDrafts(phone.circle.membership.circleId),
    now: phone.deps.now(),
    recordBytes: (id) => records.get(id),
  };
}

async function circleOfThree() {
  const ana = await foundingPhone('Ana', 1);
  const bilal = await joiningPhone(ana, 'Bilal', 2);
  const carmen = await joiningPhone(ana, 'Carmen', 3);
  await sync(ana, bilal);
  await sync(bilal, carmen);
  return { ana, bilal, carmen };
}

async function draftBy(phone: Phone, input: ExchangeInput = HELPED) {
  await settle();
  const started = await startExchange(phone.circle, phone.vault, phone.view(), input, phone.deps);
  if (!started.ok) throw new Error(`no draft: ${started.error}`);
  return started.value;
}

function cycleNow(phone: Phone): number {
  return phone.view().cycleOf(phone.deps.now());
}

describe('recording an exchange face to face', () => {
  it('moves the hours from the receiver to the provider on both phones, with a receipt', async () => {
    const { ana, bilal } = await circleOfThree();
    const draft = await draftBy(ana);
    expect(await ana.vault.pendingDrafts(ana.circle.membership.circleId)).toHaveLength(1);

    const review = reviewDraftCode(draft.code, await context(bilal));
    expect(review.ok).toBe(true);
    if (!review.ok) return;
    expect(review.value).toMatchObject({ provider: ana.circle.membership.memberKey, receiver: bilal.circle.membership.memberKey, clockWarning: false });
    const confirmed = await confirmDraft(bilal.circle, review.value, bilal.deps);
    await settle();
    expect(balanceOf(bilal.view().ledger, cycleNow(bilal), bilal.circle.membership.memberKey)).toBe(-6);

    const accepted = await acceptReceipt(ana.circle, ana.vault, confirmed.receiptCode);
    expect(accepted).toEqual({ ok: true, value: draft.draft.id });
    await settle();
    expect(balanceOf(ana.view().ledger, cycleNow(ana), ana.circle.membership.memberKey)).toBe(6);
    expect(await ana.vault.pendingDrafts(ana.circle.membership.circleId)).toEqual([]);
  });

  it('lets balances expire when the clock crosses the new moon', async () => {
    const { ana, bilal } = await circleOfThree();
    const draft = await draftBy(ana);
    const review = reviewDraftCode(draft.code, await context(bilal));
    if (!review.ok) throw new Error('no review');
    await confirmDraft(bilal.circle, review.value, bilal.deps);
    await settle();
    const cycle = cycleNow(bilal);
    expect(balanceOf(bilal.view().ledger, cycle, bilal.circle.membership.memberKey)).toBe(-6);
    const [nextNewMoon] = newMoonsBetween(new Date(bilal.deps.now()), new Date(bilal.deps.now() + 31 * 86_400_000));
    bilal.deps.set(nextNewMoon!.getTime() - 1);
    expect(cycleNow(bilal)).toBe(cycle);
    bilal.deps.set(nextNewMoon!.getTime());
    expect(cycleNow(bilal)).toBe(cycle + 1);
    expect(balanceOf(bilal.view().ledger, cycleNow(bilal), bilal.circle.membership.memberKey)).toBe(0);
    // The old cycle keeps its history: the statement shows what expired.
    expect(balanceOf(bilal.view().ledger, cycle, bilal.circle.membership.memberKey)).toBe(-6);
  });

  it('refuses zero, negative, over twelve and fractional quarter hours before anything is signed', async () => {
    const { ana } = await circleOfThree();
    for (const quarters of [0, -4, 49, 2.5]) {
      expect(checkInput({ ...HELPED, quarters }, ana.view())).toBe('quarters');
      expect(await startExchange(ana.circle, ana.vault, ana.view(), { ...HELPED, quarters }, ana.deps)).toEqual({ ok: false, error: 'quarters' });
    }
    expect(await ana.vault.pendingDrafts(ana.circle.membership.circleId)).toEqual([]);
  });

  it('refuses a member countersigning their own draft', async () => {
    const { ana } = await circleOfThree();
    const draft = await draftBy(ana);
    expect(reviewDraftCode(draft.code, await context(ana))).toEqual({ ok: false, error: 'own-draft' });
  });

  it('counts a replayed code once: the second scan shows the same receipt and stores nothing', async () => {
    const { ana, bilal } = await circleOfThree();
    const draft = await draftBy(ana);
    const first = reviewDraftCode(draft.code, await context(bilal));
    if (!first.ok) throw new Error('no review');
    const receipt = await confirmDraft(bilal.circle, first.value, bilal.deps);
    const records = bilal.circle.replica.current().recordCount;
    bilal.deps.advance(60_000);
    const again = reviewDraftCode(draft.code, await context(bilal));
    expect(again.ok && again.value.alreadyConfirmed !== null).toBe(true);
    if (!again.ok) return;
    expect((await confirmDraft(bilal.circle, again.value, bilal.deps)).receiptCode).toBe(receipt.receiptCode);
    await settle();
    expect(bilal.circle.replica.current().recordCount).toBe(records);
    expect(balanceOf(bilal.view().ledger, cycleNow(bilal), bilal.circle.membership.memberKey)).toBe(-6);
  });

  it('lets only one of two countersigners count, the same on every phone, and shows the conflict to both', async () => {
    const { ana, bilal, carmen } = await circleOfThree();
    const draft = await draftBy(ana);
    // Bilal and Carmen both scan the code before either phone syncs.
    const byBilal = reviewDraftCode(draft.code, await context(bilal));
    const byCarmen = reviewDraftCode(draft.code, await context(carmen));
    if (!byBilal.ok || !byCarmen.ok) throw new Error(`no review: ${JSON.stringify([byBilal, byCarmen].map((r) => (r.ok ? 'ok' : r.error)))}`);
    await confirmDraft(bilal.circle, byBilal.value, bilal.deps);
    carmen.deps.advance(1000);
    await confirmDraft(carmen.circle, byCarmen.value, carmen.deps);
    await sync(ana, bilal);
    await sync(ana, carmen);
    await sync(bilal, carmen);
    for (const phone of [ana, bilal, carmen]) {
      const ledger = phone.view().ledger;
      const cycle = cycleNow(phone);
      expect(balanceOf(ledger, cycle, ana.circle.membership.memberKey)).toBe(6);
      expect(balanceOf(ledger, cycle, bilal.circle.membership.memberKey) + balanceOf(ledger, cycle, carmen.circle.membership.memberKey)).toBe(-6);
      expect(conflictsFor(ledger, ana.circle.membership.memberKey)).toHaveLength(1);
    }
    const counted = [bilal, carmen].map((p) => balanceOf(ana.view().ledger, cycleNow(ana), p.circle.membership.memberKey));
    expect(counted.sort()).toEqual([-6, 0]);
    const loser = counted[0] === 0 ? bilal : carmen;
    expect(conflictsFor(ana.view().ledger, loser.circle.membership.memberKey)).toHaveLength(1);
    // A third member who scans it now is told the seat is taken.
    const dan = await joiningPhone(ana, 'Dan', 4);
    expect(reviewDraftCode(draft.code, await context(dan))).toEqual({ ok: false, error: 'seats-taken' });
  });

  it('refuses a tampered code and stores nothing', async () => {
    const { ana, bilal } = await circleOfThree();
    const draft = await draftBy(ana);
    const middle = Math.floor(draft.code.length / 2);
    const swapped = draft.code[middle] === 'A' ? 'B' : 'A';
    const tampered = draft.code.slice(0, middle) + swapped + draft.code.slice(middle + 1);
    const result = reviewDraftCode(tampered, await context(bilal));
    expect(result.ok).toBe(false);
    // A forged signature over a changed draft, in a valid frame.
    const forged = encodeFrame(CodeKind.ExchangeDraft, 1, flipLastByteOfSignature(draft.draft.bytes));
    expect(reviewDraftCode(forged, await context(bilal))).toEqual({ ok: false, error: 'tampered' });
    expect(bilal.view().ledger.size).toBe(0);
  });

  it('refuses a code from another circle', async () => {
    const { bilal } = await circleOfThree();
    const other = await foundingPhone('Olga', 9);
    const draft = await draftBy(other);
    expect(reviewDraftCode(draft.code, await context(bilal))).toEqual({ ok: false, error: 'other-circle' });
  });

  it('refuses a draft by someone who is not a member', async () => {
    const { ana, bilal } = await circleOfThree();
    const stranger = signingKeysFromSeed(new Uint8Array(32).fill(42));
    const made = makeExchangeDraft({ ...HELPED, circle: ana.circle.replica.circleId, at: bilal.deps.now() }, stranger);
    const code = encodeFrame(CodeKind.ExchangeDraft, 1, made.bytes);
    expect(reviewDraftCode(code, await context(bilal))).toEqual({ ok: false, error: 'author-not-member' });
  });

  it('warns, with both times, when the two clocks are far apart', async () => {
    const { ana, bilal } = await circleOfThree();
    const draft = await draftBy(ana);
    bilal.deps.advance(40 * 60 * 1000);
    const review = reviewDraftCode(draft.code, await context(bilal));
    expect(review.ok && review.value.clockWarning).toBe(true);
    expect(review.ok && review.value.clockDifferenceMs).toBe(40 * 60 * 1000);
  });

  it('refuses to cross a hard limit, on the first phone and on the second', async () => {
    const { ana, bilal } = await circleOfThree();
    const hard = { resetRule: { kind: 'new-moon' } as const, lowerLimit: -8, upperLimit: 8, limitMode: 'hard' as const };
    expect((await changeSettings(ana.circle, hard, ana.deps)).ok).toBe(true);
    await sync(ana, bilal);
    expect(await startExchange(ana.circle, ana.vault, ana.view(), { ...HELPED, quarters: 12 }, ana.deps)).toEqual({ ok: false, error: 'hard-limit' });
    // Within Ana's limit but past Bilal's once his own unsynced draft counts.
    const bilalOwes = await draftBy(bilal, { role: 'receiver', quarters: 4, skill: 'repair', note: '', seats: 1 });
    expect(bilalOwes.draft.quarters).toBe(4);
    const draft = await draftBy(ana, { ...HELPED, quarters: 6 });
    expect(reviewDraftCode(draft.code, await context(bilal))).toEqual({ ok: false, error: 'hard-limit' });
  });

  it('warns but allows under soft limits', async () => {
    const { ana, bilal } = await circleOfThree();
    const soft = { resetRule: { kind: 'new-moon' } as const, lowerLimit: -4, upperLimit: 4, limitMode: 'soft' as const };
    await changeSettings(ana.circle, soft, ana.deps);
    await sync(ana, bilal);
    const draft = await draftBy(ana, { ...HELPED, quarters: 8 });
    const review = reviewDraftCode(draft.code, await context(bilal));
    expect(review.ok).toBe(true);
    if (!review.ok) return;
    expect(review.value.limits).toMatchObject({ provider: 'above-upper', receiver: 'below-lower', blocking: false });
  });
});

function flipLastByteOfSignature(draftBytes: Uint8Array): Uint8Array {
  const copy = draftBytes.slice();
  copy[copy.length - 1] = copy[copy.length - 1]! ^ 0x01;
  return copy;
}
