import { describe, expect, it } from 'vitest';
import { createCircle } from '../../../src/app/circles';
import { startJoin } from '../../../src/app/join';
import { setLock, setAutoLock, turnOffLock, unlock, nextUnlockAttemptAt } from '../../../src/app/lock/app-lock';
import { loadLock, readLock } from '../../../src/app/lock/lock-setting';
import type { KdfChoice } from '../../../src/app/lock/app-lock';
import { panicWipe } from '../../../src/app/lock/panic-wipe';
import { CircleOpenError, openCircle } from '../../../src/app/open-circle';
import { FIRST_WAIT_MS } from '../../../src/domain/lock-policy';
import { openSecrets } from '../../../src/replica/key-envelope';
import type { MembershipSecrets } from '../../../src/replica/key-envelope';
import { listDatabaseNames } from '../../../src/replica/idb';
import { openVault } from '../../../src/replica/vault';
import type { Vault } from '../../../src/replica/vault';
import { testDeps } from '../../fixtures/app';
import type { TestDeps } from '../../fixtures/app';

/** Real parameters would take seconds per test in Node; the lock's logic is the same at any count. */
const WEAK: KdfChoice = { iterations: 1_000, testOnly: { allowWeakIterationsForTests: true } };
const PASSPHRASE = 'the river remembers';
const DURESS = 'sunflowers at noon';

let seeds = 0;

interface LockablePhone {
  readonly vault: Vault;
  readonly vaultName: string;
  readonly deps: TestDeps;
  readonly circleId: string;
  readonly secrets: MembershipSecrets;
}

async function phoneWithCircle(): Promise<LockablePhone> {
  const seed = 4000 + ++seeds;
  const vaultName = `lock-vault-${seed}`;
  const vault = await openVault(vaultName);
  const deps = testDeps(seed);
  const created = await createCircle(vault, { circleName: 'Calle Sol', displayName: 'Rosa' }, deps);
  if (!created.ok) throw new Error('could not create');
  await created.value.replica.close();
  const secrets = openSecrets(created.value.membership.keys);
  if (typeof secrets === 'string') throw new Error('fixture keys');
  return { vault, vaultName, deps, circleId: created.value.membership.circleId, secrets };
}

async function lockedPhone(duress: string | null = null): Promise<LockablePhone> {
  const phone = await phoneWithCircle();
  const set = await setLock(phone.vault, { passphrase: PASSPHRASE, duress, autoLock: 5 }, phone.deps, WEAK);
  expect(set).toEqual({ ok: true, value: undefined });
  phone.deps.keyring.lock();
  return phone;
}

/** Every row of every store of a database, as the browser's storage holds it. */
async function rawRows(name: string): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('could not read'));
  });
  const found: unknown[] = [];
  for (const store of [...db.objectStoreNames]) {
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error ?? new Error('could not read'));
    });
    found.push(...values);
  }
  db.close();
  return found;
}

function collectBytes(value: unknown, into: Uint8Array[]): void {
  if (value instanceof Uint8Array) into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectBytes(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectBytes(item, into);
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

async function storedAnywhere(phone: LockablePhone, secret: Uint8Array): Promise<boolean> {
  const bytes: Uint8Array[] = [];
  collectBytes(await rawRows(phone.vaultName), bytes);
  return bytes.some((stored) => contains(stored, secret));
}

describe('setting the app lock', () => {
  it('leaves no key of the circle readable in the vault, and the circle opens only once unlocked', async () => {
    const phone = await phoneWithCircle();
    expect(await storedAnywhere(phone, phone.secrets.signingSeed)).toBe(true);
    expect(await setLock(phone.vault, { passphrase: PASSPHRASE, duress: null, autoLock: 15 }, phone.deps, WEAK)).toEqual({ ok: true, value: undefined });
    for (const secret of [phone.secrets.signingSeed, phone.secrets.boxSeed, phone.secrets.circleSecret!]) {
      expect(await storedAnywhere(phone, secret)).toBe(false);
    }
    const [membership] = await phone.vault.memberships();
    expect(membership!.keys.scheme).toBe('passphrase');
    expect((await readLock(phone.vault))?.autoLock).toBe(15);

    phone.deps.keyring.lock();
    await expect(openCircle(membership!, phone.vault, phone.deps)).rejects.toBeInstanceOf(CircleOpenError);
    expect(await unlock(phone.vault, PASSPHRASE, phone.deps, WEAK)).toEqual({ kind: 'unlocked' });
    const circle = await openCircle(membership!, phone.vault, phone.deps);
    expect(circle.replica.current().circle.circle?.name).toBe('Calle Sol');
    await circle.replica.close();
  });

  it('a fresh start of the app finds the lock set and nothing open', async () => {
    const phone = await lockedPhone();
    const restarted = testDeps(9_999);
    expect(await loadLock(phone.vault, restarted.keyring)).not.toBeNull();
    expect(restarted.keyring.status()).toBe('locked');
    const [membership] = await phone.vault.memberships();
    await expect(openCircle(membership!, phone.vault, restarted)).rejects.toThrow('locked');
  });

  it('refuses a short passphrase, a duress passphrase equal to it, and changes while locked', async () => {
    const phone = await phoneWithCircle();
    expect(await setLock(phone.vault, { passphrase: 'short', duress: null, autoLock: 5 }, phone.deps, WEAK)).toEqual({ ok: false, error: 'too-short' });
    expect(await setLock(phone.vault, { passphrase: 'x'.repeat(257), duress: null, autoLock: 5 }, phone.deps, WEAK)).toEqual({ ok: false, error: 'too-long' });
    expect(await setLock(phone.vault, { passphrase: PASSPHRASE, duress: PASSPHRASE, autoLock: 5 }, phone.deps, WEAK)).toEqual({
      ok: false,
      error: 'duress-same',
    });
    expect(await setLock(phone.vault, { passphrase: PASSPHRASE, duress: 'tiny', autoLock: 5 }, phone.deps, WEAK)).toEqual({ ok: false, error: 'duress-too-short' });
    expect(await readLock(phone.vault)).toBeNull();
    expect((await phone.vault.memberships())[0]!.keys.scheme).toBe('plain');

    await setLock(phone.vault, { passphrase: PASSPHRASE, duress: null, autoLock: 5 }, phone.deps, WEAK);
    phone.deps.keyring.lock();
    expect(await setLock(phone.vault, { passphrase: 'another long one', duress: null, autoLock: 5 }, phone.deps, WEAK)).toEqual({ ok: false, error: 'locked' });
  });

  it('locks a circle created and a join request made while unlocked from their first write', async () => {
    const phone = await phoneWithCircle();
    await setLock(phone.vault, { passphrase: PASSPHRASE, duress: null, autoLock: 5 }, phone.deps, WEAK);
    const second = await createCircle(phone.vault, { circleName: 'Calle Luna', displayName: 'Rosa' }, phone.deps);
    if (!second.ok) throw new Error('second circle');
    await second.value.replica.close();
    const joining = await startJoin(phone.vault, 'Rosa', phone.deps);
    expect(joining.ok).toBe(true);
    expect((await phone.vault.memberships()).map((m) => m.keys.scheme)).toEqual(['passphrase', 'passphrase']);
    expect((await phone.vault.pendingJoin())?.keys.scheme).toBe('passphrase');
    const secrets = phone.deps.keyring.open(second.value.membership.keys);
    if (typeof secrets === 'string') throw new Error(secrets);
    expect(await storedAnywhere(phone, secrets.circleSecret!)).toBe(false);
  });

  it('changes the passphrase: the old one no longer opens, the new one does', async () => {
    const phone = await lockedPhone();
    await unlock(phone.vault, PASSPHRASE, phone.deps, WEAK);
    expect(await setLock(phone.vault, { passphrase: 'a new long passphrase', duress: null, autoLock: 1 }, phone.deps, WEAK)).toEqual({ ok: true, value: undefined });
    phone.deps.keyring.lock();
    expect((await unlock(phone.vault, PASSPHRASE, phone.deps, WEAK)).kind).toBe('wrong');
    expect(await unlock(phone.vault, 'a new long passphrase', phone.deps, WEAK)).toEqual({ kind: 'unlocked' });
    const [membership] = await phone.vault.memberships();
    const circle = await openCircle(membership!, phone.vault, phone.deps);
    await circle.replica.close();
  });

  it('rewrites a lock set with fewer iterations than today’s at the next unlock, and the circle still opens', async () => {
    const phone = await lockedPhone();
    const before = await readLock(phone.vault);
    expect(before?.verifier.kdf.iterations).toBe(1_000);
    const today: KdfChoice = { iterations: 2_000, testOnly: { allowWeakIterationsForTests: true } };
    expect(await unlock(phone.vault, PASSPHRASE, phone.deps, today)).toEqual({ kind: 'unlocked' });
    const after = await readLock(phone.vault);
    expect(after?.verifier.kdf.iterations).toBe(2_000);
    const [membership] = await phone.vault.memberships();
    expect(membership!.keys.scheme === 'passphrase' && membership!.keys.kdf.iterations).toBe(2_000);
    const circle = await openCircle(membership!, phone.vault, phone.deps);
    await circle.replica.close();
    phone.deps.keyring.lock();
    expect(await unlock(phone.vault, PASSPHRASE, phone.deps, today)).toEqual({ kind: 'unlocked' });
    expect((await readLock(phone.vault))?.verifier.nonce).toEqual(after?.verifier.nonce);
  });

  it('keeps the auto-lock choice', async () => {
    const phone = await lockedPhone();
    await setAutoLock(phone.vault, 'never');
    expect((await readLock(phone.vault))?.autoLock).toBe('never');
  });
});

describe('wrong passphrases', () => {
  it('counts them, makes the sixth wait 30 s, and the wait survives a restart', async () => {
    const phone = await lockedPhone();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const outcome = await unlock(phone.vault, `guess number ${attempt}`, phone.deps, WEAK);
      expect(outcome.kind).toBe('wrong');
      if (outcome.kind === 'wrong') expect(outcome.failures).toBe(attempt);
    }
    const waitUntil = phone.deps.now() + FIRST_WAIT_MS;
    expect(await nextUnlockAttemptAt(phone.vault)).toBe(waitUntil);
    // Even the right passphrase waits: the wait is for whoever holds the phone.
    expect(await unlock(phone.vault, PASSPHRASE, phone.deps, WEAK)).toEqual({ kind: 'wait', until: waitUntil });
    expect(phone.deps.keyring.status()).toBe('locked');
    phone.deps.advance(FIRST_WAIT_MS);
    expect(await unlock(phone.vault, PASSPHRASE, phone.deps, WEAK)).toEqual({ kind: 'unlocked' });
    expect(await nextUnlockAttemptAt(phone.vault)).toBe(0);
  });

  it('reads an empty passphrase and a damaged count as wrong and as the longest wait', async () => {
    const phone = await lockedPhone();
    expect((await unlock(phone.vault, '', phone.deps, WEAK)).kind).toBe('wrong');
    await phone.vault.saveSetting('lockAttempts', { failures: 'many', lastFailureAt: phone.deps.now() });
    expect((await unlock(phone.vault, PASSPHRASE, phone.deps, WEAK)).kind).toBe('wait');
  });

  it('answers a damaged lock setting without throwing and without unlocking', async () => {
    const phone = await lockedPhone();
    const lock = await readLock(phone.vault);
    await phone.vault.saveSetting('appLock', { ...lock, verifier: { ...lock!.verifier, ciphertext: new Uint8Array(3) } });
    expect((await unlock(phone.vault, PASSPHRASE, phone.deps, WEAK)).kind).toBe('wrong');
    expect(phone.deps.keyring.status()).toBe('locked');
  });
});

describe('turning the lock off', () => {
  it('asks for the passphrase again, then stores the keys plain', async () => {
    const phone = await lockedPhone();
    expect(await turnOffLock(phone.vault, PASSPHRASE, phone.deps)).toEqual({ ok: false, error: 'locked' });
    await unlock(phone.vault, PASSPHRASE, phone.deps, WEAK);
    expect(await turnOffLock(phone.vault, 'not the passphrase', phone.deps)).toEqual({ ok: false, error: 'wrong' });
    expect(await turnOffLock(phone.vault, PASSPHRASE, phone.deps)).toEqual({ ok: true, value: undefined });
    expect(await readLock(phone.vault)).toBeNull();
    expect(phone.deps.keyring.status()).toBe('off');
    const [membership] = await phone.vault.memberships();
    expect(openSecrets(membership!.keys)).toEqual(phone.secrets);
  });
});

describe('the duress passphrase and the panic wipe', () => {
  it('is told apart from the real one and from a wrong one', async () => {
    const phone = await lockedPhone(DURESS);
    expect(await unlock(phone.vault, DURESS, phone.deps, WEAK)).toEqual({ kind: 'duress' });
    expect(phone.deps.keyring.status()).toBe('locked');
    expect((await unlock(phone.vault, 'sunflowers at midnight', phone.deps, WEAK)).kind).toBe('wrong');
    expect(await unlock(phone.vault, PASSPHRASE, phone.deps, WEAK)).toEqual({ kind: 'unlocked' });
  });

  it('leaves a blank app: no keys, no circle databases, no rows in the vault', async () => {
    const phone = await lockedPhone(DURESS);
    const other = await phoneWithCircle();
    const scope = phone.deps.storageScope ?? '';
    expect((await listDatabaseNames()).some((name) => name.includes(scope + phone.circleId))).toBe(true);
    expect(await unlock(phone.vault, DURESS, phone.deps, WEAK)).toEqual({ kind: 'duress' });

    const report = await panicWipe(phone.vault, phone.deps);
    expect(report.circles).toBe(1);
    expect(phone.deps.keyring.status()).toBe('off');
    expect(await phone.vault.memberships()).toEqual([]);
    expect(await readLock(phone.vault)).toBeNull();
    expect(await rawRows(phone.vaultName)).toEqual([]);
    expect((await listDatabaseNames()).filter((name) => name.includes(phone.circleId))).toEqual([]);
    // Another phone's storage in the same test process is not touched.
    expect((await listDatabaseNames()).some((name) => name.includes(other.circleId))).toBe(true);
  });

  it('finishes when run again after being cut short', async () => {
    const phone = await lockedPhone(DURESS);
    const cut: Vault = { ...phone.vault, eraseAll: () => Promise.reject(new Error('the phone switched off')) };
    await expect(panicWipe(cut, phone.deps)).rejects.toThrow('switched off');
    // The keys went first.
    expect(await phone.vault.memberships()).toEqual([]);
    await panicWipe(phone.vault, phone.deps);
    expect(await rawRows(phone.vaultName)).toEqual([]);
  });
});
