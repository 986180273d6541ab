import { describe, expect, it } from 'vitest';
import { lockRequired, openContacts, saveRosterEntry } from '../../../src/app/defense/roster';
import type { RosterInput } from '../../../src/app/defense/roster';
import { setLock } from '../../../src/app/lock/app-lock';
import { projectRoster } from '../../../src/domain/roster';
import { foundingPhone, joiningPhone, sync } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';

const WEAK = { iterations: 1_000, testOnly: { allowWeakIterationsForTests: true } } as const;

const INPUT: RosterInput = {
  roles: ['caller', 'housing'],
  skills: ['medical'],
  languages: ['  Spanish ', '', 'Tagalog', 'Spanish'],
  housing: { capacity: 2, nights: 5, accessible: false },
  contacts: { phone: '+34 600 12 34 56', address: 'Calle del Olmo 4, 2º', notes: 'Ring twice' },
};

async function lockedPhone(name: string, seed: number): Promise<Phone> {
  const phone = await foundingPhone(name, seed);
  await setLock(phone.vault, { passphrase: 'a long passphrase', duress: null, autoLock: 5 }, phone.deps, WEAK);
  return phone;
}

function rosterOf(phone: Phone) {
  const snapshot = phone.circle.replica.current();
  return projectRoster(snapshot.events, snapshot.circle.members);
}

describe('a member’s roster entry', () => {
  it('asks for the app lock first', async () => {
    const phone = await foundingPhone('Ana', 61);
    expect(lockRequired(phone.deps)).toBe(true);
    expect(await saveRosterEntry(phone.circle, INPUT, phone.deps)).toEqual({ ok: false, error: 'lock-required' });
    expect(rosterOf(phone).entries.size).toBe(0);
  });

  it('is stored with its contacts sealed, and another member opens them after sync', async () => {
    const ana = await lockedPhone('Ana', 62);
    const saved = await saveRosterEntry(ana.circle, INPUT, ana.deps);
    expect(saved.ok).toBe(true);
    const entry = rosterOf(ana).entries.get(ana.circle.membership.memberKey)!;
    expect(entry.languages).toEqual(['Spanish', 'Tagalog']);
    const stored = new TextDecoder().decode(entry.sealedContacts!);
    expect(stored.includes('600')).toBe(false);
    expect(stored.includes('Olmo')).toBe(false);

    const bo = await joiningPhone(ana, 'Bo', 63);
    await sync(ana, bo);
    const seenByBo = rosterOf(bo).entries.get(ana.circle.membership.memberKey)!;
    expect(openContacts(bo.circle, seenByBo)).toEqual({ phone: '+34 600 12 34 56', address: 'Calle del Olmo 4, 2º', notes: 'Ring twice' });
  });

  it('answers bad fields with which one, and stores nothing', async () => {
    const ana = await lockedPhone('Ana', 64);
    const bad: ReadonlyArray<readonly [Partial<RosterInput>, string]> = [
      [{ contacts: { ...INPUT.contacts, phone: 'call me maybe' } }, 'phone'],
      [{ contacts: { ...INPUT.contacts, address: 'x'.repeat(201) } }, 'address'],
      [{ contacts: { ...INPUT.contacts, notes: 'a\u0000b' } }, 'notes'],
      [{ housing: null }, 'housing'],
      [{ languages: ['x'.repeat(41)] }, 'languages'],
    ];
    for (const [change, problem] of bad) {
      expect(await saveRosterEntry(ana.circle, { ...INPUT, ...change }, ana.deps)).toEqual({ ok: false, error: problem });
    }
    expect(rosterOf(ana).entries.size).toBe(0);
  });

  it('reads a sealed field that fails to open as such, and keeps the rest of the entry', async () => {
    const ana = await lockedPhone('Ana', 65);
    await saveRosterEntry(ana.circle, INPUT, ana.deps);
    const entry = rosterOf(ana).entries.get(ana.circle.membership.memberKey)!;
    const otherAuthor = { ...entry, author: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
    expect(openContacts(ana.circle, otherAuthor)).toBe('not-for-this-circle');
    expect(openContacts(ana.circle, { ...entry, sealedContacts: new Uint8Array(10) })).toBe('damaged');
    expect(openContacts(ana.circle, { ...entry, sealedContacts: null })).toBeNull();
  });
});
