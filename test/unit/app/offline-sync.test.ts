import { describe, expect, it } from 'vitest';
import { changeDisplayName } from '../../../src/app/circles';
import { exportEverything, receiveSealed, whatIHave, whatTheyLack } from '../../../src/app/offline-sync';
import { inlineGuard } from '../../../src/sync/guard';
import { foundingPhone, joiningPhoneUnsynced, settle } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';

function ids(phone: Phone): string[] {
  return [...phone.circle.replica.doc.getMap('records').keys()].sort();
}

describe('syncing with no network', () => {
  it('brings each phone what the other lacks, both ways, through sealed payloads', async () => {
    const ana = await foundingPhone('Ana', 21);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 22);
    await changeDisplayName(ana.circle, 'Ana M.', ana.deps);
    await changeDisplayName(kofi.circle, 'Kofi A.', kofi.deps);
    // Kofi shows what he has; Ana answers with what he lacks.
    const forKofi = whatTheyLack(ana.circle, whatIHave(kofi.circle), ana.deps);
    expect(forKofi.ok).toBe(true);
    if (!forKofi.ok) return;
    expect((await receiveSealed(kofi.circle, forKofi.value, inlineGuard)).ok).toBe(true);
    // Then the other way round.
    const forAna = whatTheyLack(kofi.circle, whatIHave(ana.circle), kofi.deps);
    if (!forAna.ok) throw new Error('no diff');
    const received = await receiveSealed(ana.circle, forAna.value, inlineGuard);
    expect(received.ok && received.value.newEntries).toBe(1);
    await Promise.all([ana.circle.replica.whenVerified(), kofi.circle.replica.whenVerified()]);
    await settle();
    expect(ids(ana)).toEqual(ids(kofi));
    expect(kofi.circle.replica.current().circle.members.get(kofi.circle.membership.memberKey)?.name).toBe('Kofi A.');
  });

  it('takes a whole-circle file, and refuses a foreign, truncated, altered or other circle’s file with nothing stored', async () => {
    const ana = await foundingPhone('Ana', 23);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 24);
    const file = exportEverything(ana.circle, ana.deps);
    if (!file.ok) throw new Error('no file');
    const before = ids(kofi);
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
    expect((await receiveSealed(kofi.circle, png, inlineGuard)).ok).toBe(false);
    expect((await receiveSealed(kofi.circle, file.value.slice(0, file.value.length - 10), inlineGuard)).ok).toBe(false);
    const altered = file.value.slice();
    altered[altered.length - 5] = altered[altered.length - 5]! ^ 1;
    expect(await receiveSealed(kofi.circle, altered, inlineGuard)).toEqual({ ok: false, error: 'damaged' });
    const olga = await foundingPhone('Olga', 25);
    const foreign = exportEverything(olga.circle, olga.deps);
    if (!foreign.ok) throw new Error('no file');
    expect(await receiveSealed(kofi.circle, foreign.value, inlineGuard)).toEqual({ ok: false, error: 'other-circle' });
    expect(ids(kofi)).toEqual(before);
    expect((await receiveSealed(kofi.circle, file.value, inlineGuard)).ok).toBe(true);
    await kofi.circle.replica.whenVerified();
    expect(ids(kofi)).toEqual(ids(ana).length > before.length ? [...new Set([...before, ...ids(ana)])].sort() : before);
  });

  it('refuses what-I-have payloads of another circle or malformed', async () => {
    const ana = await foundingPhone('Ana', 26);
    const olga = await foundingPhone('Olga', 27);
    expect(whatTheyLack(ana.circle, whatIHave(olga.circle), ana.deps)).toEqual({ ok: false, error: 'other-circle' });
    const mine = whatIHave(ana.circle);
    expect(whatTheyLack(ana.circle, mine.slice(0, 16), ana.deps)).toEqual({ ok: false, error: 'malformed' });
    const garbled = mine.slice();
    garbled.fill(0xff, 16);
    expect(whatTheyLack(ana.circle, garbled, ana.deps)).toEqual({ ok: false, error: 'malformed' });
  });
});
