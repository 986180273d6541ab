import { describe, expect, it } from 'vitest';
import { acceptHandoffReceipt, checkHandoffInput, confirmHandoff, handoffOfferCode, reviewHandoffCode } from '../../../src/app/handoff';
import type { HandoffInput } from '../../../src/app/handoff';
import { claimLabel, markToolStatus, registerTool, requestTool, setToolRules, writeTutorial } from '../../../src/app/tools';
import { toolsViewOf } from '../../../src/app/tools-view';
import type { ToolsView } from '../../../src/app/tools-view';
import type { ToolFields } from '../../../src/records/kinds/tool-registered';
import { makeHandoffOffer } from '../../../src/records/make';
import { CodeKind, encodeFrame } from '../../../src/qr/frame';
import { foundingPhone, joiningPhone, settle, sync } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';

const DRILL: ToolFields = {
  name: 'Cordless drill',
  category: 'power-tools',
  area: null,
  accessories: ['Case', 'Charger'],
  careNotes: 'Charge before handing on.',
  replacementValue: 120,
  loanDays: 7,
  photo: null,
};
const TAKE: HandoffInput = { role: 'loan', present: 0b11, condition: 'good', area: null, note: '' };
const LABEL = 'AAAAAAAAAAAAAAAAAAAAAA';

async function tools(phone: Phone): Promise<ToolsView> {
  await settle();
  return toolsViewOf(phone.circle.replica.current());
}

function recordCount(phone: Phone): number {
  return phone.circle.replica.current().recordCount;
}

async function circleOfThree() {
  const ana = await foundingPhone('Ana', 11);
  const bilal = await joiningPhone(ana, 'Bilal', 12);
  const carmen = await joiningPhone(ana, 'Carmen', 13);
  await sync(ana, bilal);
  await sync(bilal, carmen);
  return { ana, bilal, carmen };
}

async function drillOf(phone: Phone): Promise<string> {
  const made = await registerTool(phone.circle, await tools(phone), DRILL, null, phone.deps);
  if (!made.ok) throw new Error(`no tool: ${made.error}`);
  return made.value;
}

async function offerBy(phone: Phone, tool: string): Promise<string> {
  const code = handoffOfferCode(phone.circle, await tools(phone), tool, phone.deps);
  if (!code.ok) throw new Error(`no offer: ${code.error}`);
  return code.value;
}

async function review(phone: Phone, code: string) {
  return reviewHandoffCode(code, { circle: phone.circle, view: phone.view(), tools: await tools(phone), now: phone.deps.now() });
}

async function take(phone: Phone, code: string, input: HandoffInput = TAKE) {
  const reviewed = await review(phone, code);
  if (!reviewed.ok) throw new Error(`refused: ${reviewed.error}`);
  return confirmHandoff(phone.circle, reviewed.value, input, phone.deps);
}

describe('registering tools', () => {
  it('makes the member the first host, and refuses bad fields with nothing stored', async () => {
    const ana = await foundingPhone('Ana', 1);
    const before = recordCount(ana);
    const view = await tools(ana);
    expect(await registerTool(ana.circle, view, { ...DRILL, name: '   ' }, null, ana.deps)).toEqual({ ok: false, error: 'name' });
    expect(await registerTool(ana.circle, view, { ...DRILL, loanDays: 0 }, null, ana.deps)).toEqual({ ok: false, error: 'loan-days' });
    expect(await registerTool(ana.circle, view, { ...DRILL, photo: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>') }, null, ana.deps)).toEqual({
      ok: false,
      error: 'photo',
    });
    const huge = new Uint8Array(40 * 1024);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(await registerTool(ana.circle, view, { ...DRILL, photo: huge }, null, ana.deps)).toEqual({ ok: false, error: 'photo' });
    expect(recordCount(ana)).toBe(before);

    const id = await drillOf(ana);
    const tool = (await tools(ana)).state.tools.get(id);
    expect(tool?.holder).toBe(ana.circle.membership.memberKey);
    expect(tool?.status).toBe('available');
    expect(tool?.accessories).toEqual(['Case', 'Charger']);
  });

  it('claims a blank label once: a label already claimed is refused', async () => {
    const ana = await foundingPhone('Ana', 2);
    const drill = await drillOf(ana);
    expect((await claimLabel(ana.circle, await tools(ana), LABEL, drill, ana.deps)).ok).toBe(true);
    const before = recordCount(ana);
    expect(await claimLabel(ana.circle, await tools(ana), LABEL, drill, ana.deps)).toEqual({ ok: false, error: 'label-taken' });
    expect(await registerTool(ana.circle, await tools(ana), { ...DRILL, name: 'Saw' }, LABEL, ana.deps)).toEqual({ ok: false, error: 'label-taken' });
    expect(recordCount(ana)).toBe(before);
    expect((await tools(ana)).state.labels.get(LABEL)).toBe(drill);
  });
});

describe('handing a tool over face to face', () => {
  it('moves the tool on both phones with the receiver’s countersignature and the receipt', async () => {
    const { ana, bilal } = await circleOfThree();
    const drill = await drillOf(ana);
    await sync(ana, bilal);
    const code = await offerBy(ana, drill);
    const confirmed = await take(bilal, code, { ...TAKE, present: 0b01, condition: 'worn', note: 'No charger' });
    expect((await tools(bilal)).state.tools.get(drill)?.holder).toBe(bilal.circle.membership.memberKey);

    const accepted = await acceptHandoffReceipt(ana.circle, confirmed.receiptCode);
    expect(accepted).toEqual({ ok: true, value: drill });
    const onAna = (await tools(ana)).state.tools.get(drill);
    expect(onAna?.holder).toBe(bilal.circle.membership.memberKey);
    expect(onAna?.status).toBe('on-loan');
    expect(onAna?.custody.at(-1)?.flags).toContain('missing-accessories');

    // The same offer scanned again stores nothing and gives the receipt again.
    const before = recordCount(bilal);
    const again = await review(bilal, code);
    expect(again.ok && again.value.alreadyConfirmed !== null).toBe(true);
    expect(recordCount(bilal)).toBe(before);
  });

  it('refuses a handoff shown by someone who does not hold the tool', async () => {
    const { ana, bilal, carmen } = await circleOfThree();
    const drill = await drillOf(ana);
    await sync(ana, bilal);
    await sync(bilal, carmen);
    expect(handoffOfferCode(bilal.circle, await tools(bilal), drill, bilal.deps)).toEqual({ ok: false, error: 'not-the-holder' });
    // Bilal signs an offer anyway, naming the tool's current head.
    const head = (await tools(bilal)).state.tools.get(drill)?.head ?? '';
    const forged = makeHandoffOffer({ circle: bilal.circle.replica.circleId, tool: drill, after: head, at: bilal.deps.now() }, bilal.circle.signing);
    const code = encodeFrame(CodeKind.ToolHandoffOffer, 1, forged.bytes);
    expect(await review(carmen, code)).toEqual({ ok: false, error: 'not-the-holder' });
  });

  it('refuses an offer that was overtaken by a later handoff', async () => {
    const { ana, bilal, carmen } = await circleOfThree();
    const drill = await drillOf(ana);
    await sync(ana, bilal);
    await sync(bilal, carmen);
    const code = await offerBy(ana, drill);
    const confirmed = await take(bilal, code);
    await acceptHandoffReceipt(ana.circle, confirmed.receiptCode);
    await sync(bilal, carmen);
    expect(await review(carmen, code)).toEqual({ ok: false, error: 'not-the-holder' });
  });

  it('refuses a tool reported missing until it is found, and a retired tool for good', async () => {
    const { ana, bilal } = await circleOfThree();
    const drill = await drillOf(ana);
    const code = await offerBy(ana, drill);
    expect((await markToolStatus(ana.circle, await tools(ana), drill, 'missing', 'not in the shed', ana.deps)).ok).toBe(true);
    await sync(ana, bilal);
    expect(await review(bilal, code)).toEqual({ ok: false, error: 'missing' });
    expect(handoffOfferCode(ana.circle, await tools(ana), drill, ana.deps)).toEqual({ ok: false, error: 'missing' });
    ana.deps.advance(1000);
    await markToolStatus(ana.circle, await tools(ana), drill, 'found', 'in the shed after all', ana.deps);
    await sync(ana, bilal);
    expect((await review(bilal, code)).ok).toBe(true);
    ana.deps.advance(1000);
    await markToolStatus(ana.circle, await tools(ana), drill, 'retired', '', ana.deps);
    await sync(ana, bilal);
    expect(await review(bilal, code)).toEqual({ ok: false, error: 'retired' });
    expect(handoffOfferCode(ana.circle, await tools(ana), drill, ana.deps)).toEqual({ ok: false, error: 'retired' });
  });

  it('refuses a receiver from another circle, and one who is not a member', async () => {
    const { ana, bilal } = await circleOfThree();
    const stranger = await foundingPhone('Dana', 14);
    const drill = await drillOf(ana);
    const code = await offerBy(ana, drill);
    expect(await review(stranger, code)).toEqual({ ok: false, error: 'other-circle' });
    // On a phone of this circle whose member was not yet admitted at the time of scanning.
    const bilalSince = bilal.view().membership.members.get(bilal.circle.membership.memberKey)?.since ?? 0;
    await sync(ana, bilal);
    const early = reviewHandoffCode(code, { circle: bilal.circle, view: bilal.view(), tools: await tools(bilal), now: bilalSince - 1 });
    expect(early).toEqual({ ok: false, error: 'not-a-member' });
  });

  it('keeps the circle’s limit of tools on loan, and lets the member host instead', async () => {
    const { ana, bilal } = await circleOfThree();
    expect((await setToolRules(ana.circle, 1, 24, ana.deps)).ok).toBe(true);
    const drill = await drillOf(ana);
    const saw = await registerTool(ana.circle, await tools(ana), { ...DRILL, name: 'Saw', accessories: [] }, null, ana.deps);
    if (!saw.ok) throw new Error('no saw');
    await sync(ana, bilal);
    await take(bilal, await offerBy(ana, drill));
    const second = await review(bilal, await offerBy(ana, saw.value));
    if (!second.ok) throw new Error(second.error);
    expect(second.value.loanLimitReached).toBe(true);
    expect(checkHandoffInput({ ...TAKE, present: 0 }, second.value, await tools(bilal))).toBe('loan-limit');
    expect(checkHandoffInput({ ...TAKE, role: 'host', present: 0 }, second.value, await tools(bilal))).toBeNull();
  });

  it('two phones offline countersign the same offer: every phone shows the same holder and the conflict, and keeps both records', async () => {
    const { ana, bilal, carmen } = await circleOfThree();
    const drill = await drillOf(ana);
    await sync(ana, bilal);
    await sync(ana, carmen);
    const code = await offerBy(ana, drill);
    const byBilal = await take(bilal, code);
    const byCarmen = await take(carmen, code);
    await sync(bilal, carmen);
    await sync(ana, bilal);
    await sync(ana, carmen);
    const states = await Promise.all([ana, bilal, carmen].map(async (phone) => (await tools(phone)).state.tools.get(drill)));
    const holders = new Set(states.map((state) => state?.holder));
    expect(holders.size).toBe(1);
    for (const state of states) expect(state?.conflicts).toHaveLength(1);
    for (const phone of [ana, bilal, carmen]) {
      const records = phone.circle.replica.doc.getMap('records');
      expect(records.has(byBilal.recordId) && records.has(byCarmen.recordId)).toBe(true);
    }
  });
});

describe('repair tutorials', () => {
  it('keeps every version and shows the latest; refuses an empty text and unknown tools', async () => {
    const ana = await foundingPhone('Ana', 21);
    const drill = await drillOf(ana);
    const first = await writeTutorial(ana.circle, await tools(ana), { replaces: null, tools: [drill], title: 'New brushes', text: 'Open the case.\nSwap the brushes.', photos: [] }, ana.deps);
    if (!first.ok) throw new Error(first.error);
    ana.deps.advance(1000);
    const edit = await writeTutorial(ana.circle, await tools(ana), { replaces: first.value, tools: [drill], title: 'New brushes', text: 'Unplug it first.\nOpen the case.', photos: [] }, ana.deps);
    expect(edit.ok).toBe(true);
    const tutorial = (await tools(ana)).state.tutorials.get(first.value);
    expect(tutorial?.text).toBe('Unplug it first.\nOpen the case.');
    expect(tutorial?.versions).toHaveLength(2);
    const before = recordCount(ana);
    expect(await writeTutorial(ana.circle, await tools(ana), { replaces: null, tools: [drill], title: 'Empty', text: '  \n ', photos: [] }, ana.deps)).toEqual({ ok: false, error: 'text' });
    expect(await writeTutorial(ana.circle, await tools(ana), { replaces: null, tools: ['x'.repeat(43)], title: 'Lost', text: 'Steps', photos: [] }, ana.deps)).toEqual({ ok: false, error: 'tools' });
    expect(recordCount(ana)).toBe(before);
  });
});

describe('waiting for a tool', () => {
  it('joins the queue once, and the holder cannot queue for their own tool', async () => {
    const { ana, bilal } = await circleOfThree();
    const drill = await drillOf(ana);
    await sync(ana, bilal);
    expect((await requestTool(bilal.circle, await tools(bilal), drill, bilal.deps)).ok).toBe(true);
    expect(await requestTool(bilal.circle, await tools(bilal), drill, bilal.deps)).toEqual({ ok: false, error: 'already-waiting' });
    expect(await requestTool(ana.circle, await tools(ana), drill, ana.deps)).toEqual({ ok: false, error: 'holds-it' });
    await sync(ana, bilal);
    expect((await tools(ana)).state.tools.get(drill)?.queue.map((entry) => entry.member)).toEqual([bilal.circle.membership.memberKey]);
  });
});
