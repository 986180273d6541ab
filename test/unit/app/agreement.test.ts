import { describe, expect, it } from 'vitest';
import { proposeVersion, signVersion } from '../../../src/app/defense/agreement';
import { agreementOf } from '../../../src/app/agreement-view';
import { AGREEMENT_TEMPLATE_EN } from '../../../src/domain/agreement-template';
import { agreementTextHash } from '../../../src/records/kinds/agreement';
import { foundingPhone, joiningPhone, sync } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';

const MINUTE = 60_000;

function agreement(phone: Phone) {
  return agreementOf(phone.circle.replica.current());
}

function keyOf(phone: Phone) {
  return phone.circle.membership.memberKey;
}

describe('the solidarity agreement on two phones', () => {
  it('is proposed, signed on both, revised, and the older signature is asked to sign again', async () => {
    const ana = await foundingPhone('Ana', 81);
    const bo = await joiningPhone(ana, 'Bo', 82);

    ana.deps.advance(MINUTE);
    const first = await proposeVersion(ana.circle, `${AGREEMENT_TEMPLATE_EN}\r\n`, null, ana.deps);
    if (!first.ok) throw new Error(first.error);
    expect(agreement(ana).current?.text).toBe(AGREEMENT_TEMPLATE_EN);
    await sync(ana, bo);
    expect(agreement(bo).current?.id).toBe(first.value);

    ana.deps.advance(MINUTE);
    bo.deps.advance(MINUTE);
    expect((await signVersion(ana.circle, first.value, ana.deps)).ok).toBe(true);
    expect((await signVersion(bo.circle, first.value, bo.deps)).ok).toBe(true);
    await sync(ana, bo);
    for (const phone of [ana, bo]) {
      expect(agreement(phone).current?.signers).toEqual([keyOf(ana), keyOf(bo)].sort());
      expect(agreement(phone).counts).toEqual({ members: 2, signedCurrent: 2, signAgain: 0 });
    }

    bo.deps.advance(MINUTE);
    const revised = await proposeVersion(bo.circle, `${AGREEMENT_TEMPLATE_EN}\n\nWe meet on the first Sunday.`, first.value, bo.deps);
    if (!revised.ok) throw new Error(revised.error);
    expect((await signVersion(bo.circle, revised.value, bo.deps)).ok).toBe(true);
    await sync(ana, bo);

    const seenByAna = agreement(ana);
    expect(seenByAna.current?.id).toBe(revised.value);
    expect(seenByAna.versions.map((version) => version.id)).toEqual([first.value, revised.value]);
    expect(seenByAna.members.get(keyOf(ana))).toMatchObject({ standing: 'sign-again', lastSigned: first.value });
    expect(seenByAna.members.get(keyOf(bo))).toMatchObject({ standing: 'signed', lastSigned: revised.value });
    expect(seenByAna.counts).toEqual({ members: 2, signedCurrent: 1, signAgain: 1 });
    expect(seenByAna.problems).toEqual([]);

    ana.deps.advance(MINUTE);
    expect((await signVersion(ana.circle, revised.value, ana.deps)).ok).toBe(true);
    expect(agreement(ana).counts).toEqual({ members: 2, signedCurrent: 2, signAgain: 0 });
  });

  it('keeps two edits of the same version made offline, and settles them by a merge', async () => {
    const ana = await foundingPhone('Ana', 83);
    const bo = await joiningPhone(ana, 'Bo', 84);
    const first = await proposeVersion(ana.circle, 'We answer alerts.', null, ana.deps);
    if (!first.ok) throw new Error(first.error);
    await sync(ana, bo);
    ana.deps.advance(MINUTE);
    bo.deps.advance(2 * MINUTE);
    const byAna = await proposeVersion(ana.circle, 'We answer alerts.\n\nWe keep secrets.', first.value, ana.deps);
    const byBo = await proposeVersion(bo.circle, 'We answer alerts.\n\nWe share food.', first.value, bo.deps);
    if (!byAna.ok || !byBo.ok) throw new Error('not proposed');
    await sync(ana, bo);
    expect(agreement(ana).current?.id).toBe(byBo.value);
    expect(agreement(ana).concurrent.map((version) => version.id)).toEqual([byAna.value]);

    ana.deps.advance(5 * MINUTE);
    const merged = await proposeVersion(ana.circle, 'We answer alerts.\n\nWe keep secrets and share food.', byBo.value, ana.deps, [byAna.value]);
    expect(merged.ok).toBe(true);
    expect(agreement(ana).concurrent).toEqual([]);
  });

  it('refuses what would not make a version or a signature that counts, and stores nothing', async () => {
    const ana = await foundingPhone('Ana', 85);
    const unknown = 'A'.repeat(43);
    expect(await proposeVersion(ana.circle, ' \n\r\n ', null, ana.deps)).toEqual({ ok: false, error: 'text' });
    expect(await proposeVersion(ana.circle, 'a'.repeat(6_001), null, ana.deps)).toEqual({ ok: false, error: 'text' });
    expect(await proposeVersion(ana.circle, 'Text.', unknown, ana.deps)).toEqual({ ok: false, error: 'unknown-version' });
    expect(await signVersion(ana.circle, unknown, ana.deps)).toEqual({ ok: false, error: 'unknown-version' });
    expect(agreement(ana).versions).toEqual([]);

    const first = await proposeVersion(ana.circle, 'Text.', null, ana.deps);
    if (!first.ok) throw new Error(first.error);
    expect(await proposeVersion(ana.circle, 'Another first.', null, ana.deps)).toEqual({ ok: false, error: 'first-exists' });
    expect(await proposeVersion(ana.circle, '  Text. ', first.value, ana.deps)).toEqual({ ok: false, error: 'unchanged' });
    expect(await proposeVersion(ana.circle, 'Edit.', first.value, ana.deps, [first.value])).toEqual({ ok: false, error: 'merges' });
    expect(await proposeVersion(ana.circle, 'Edit.', first.value, ana.deps, [unknown])).toEqual({ ok: false, error: 'unknown-version' });

    const signature = await signVersion(ana.circle, first.value, ana.deps);
    expect(signature.ok).toBe(true);
    expect(await signVersion(ana.circle, first.value, ana.deps)).toEqual({ ok: false, error: 'already-signed' });
    const events = ana.circle.replica.current().events.filter((event) => event.kind === 'agreement.signed');
    expect(events).toEqual([expect.objectContaining({ version: first.value, textHash: agreementTextHash('Text.') })]);
    expect(agreement(ana).versions).toHaveLength(1);
  });
});
