import { describe, expect, it } from 'vitest';
import { createCircle } from '../../../src/app/circles';
import { openCircle } from '../../../src/app/open-circle';
import { fromBase64Url, utf8 } from '../../../src/records/bytes';
import { openSecrets } from '../../../src/replica/key-envelope';
import { lockEnvelope } from '../../../src/replica/passphrase';
import type { Vault } from '../../../src/replica/vault';
import { wipeCircle } from '../../../src/replica/wipe';
import { foundingPhone, testDeps } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';

let seeds = 0;

/**
 * A phone in two circles, with every kind of trace of the first: records in
 * its archive and document, a pending draft, its last sync, the welcome it
 * joined with, and it is the active circle. The second circle must survive.
 */
async function phoneInTwoCircles(): Promise<{ phone: Phone; scope: { storageScope: string }; circleId: string; secrets: Uint8Array[]; otherId: string }> {
  const phone = await foundingPhone('Ana', 700 + ++seeds);
  const scope = { storageScope: phone.deps.storageScope ?? '' };
  const circleId = phone.circle.membership.circleId;
  const secrets = openSecrets(phone.circle.membership.keys);
  if (typeof secrets === 'string' || secrets.circleSecret === null) throw new Error('fixture keys');
  const otherDeps = { ...testDeps(900 + seeds, phone.deps.now() + 3_600_000), ...scope };
  const other = await createCircle(phone.vault, { circleName: 'Calle Luna', displayName: 'Ana' }, otherDeps);
  if (!other.ok) throw new Error('second circle');
  const otherId = other.value.membership.circleId;
  await other.value.replica.close();
  await phone.vault.completeJoin(phone.circle.membership, 'welcome-of-first');
  await phone.vault.completeJoin(other.value.membership, 'welcome-of-second');
  await phone.vault.savePendingDraft({ draftId: 'draft-1', circleId, bytes: fromBase64Url(circleId)!, createdAt: phone.deps.now() });
  await phone.vault.savePendingDraft({ draftId: 'draft-2', circleId: otherId, bytes: Uint8Array.of(1), createdAt: phone.deps.now() });
  await phone.vault.saveSetting(`lastSync:${circleId}`, { at: phone.deps.now(), via: 'file' });
  await phone.vault.saveSetting(`lastSync:${otherId}`, { at: phone.deps.now(), via: 'file' });
  await phone.vault.saveSetting('signalingServers', ['wss://signal.example']);
  await phone.vault.saveSetting('activeCircle', circleId);
  return { phone, scope, circleId, secrets: [secrets.signingSeed, secrets.boxSeed, secrets.circleSecret], otherId };
}

interface StoredRow {
  readonly where: string;
  readonly bytes: Uint8Array;
}

/** Every row of every database that indexedDB.databases() lists, keys and values flattened to bytes. */
async function everyRow(): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  for (const info of await indexedDB.databases()) {
    const name = info.name!;
    rows.push({ where: `database ${name}`, bytes: utf8(name) });
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(name));
    });
    for (const store of Array.from(db.objectStoreNames)) {
      const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
        const tx = db.transaction(store, 'readonly');
        const keysRequest = tx.objectStore(store).getAllKeys();
        const valuesRequest = tx.objectStore(store).getAll();
        tx.oncomplete = () => resolve([keysRequest.result, valuesRequest.result]);
        tx.onerror = () => reject(tx.error ?? new Error(store));
      });
      keys.forEach((key, i) => rows.push({ where: `${name}/${store}/${JSON.stringify(key)}`, bytes: flatten([key, values[i]]) }));
    }
    db.close();
  }
  return rows;
}

function flatten(value: unknown): Uint8Array {
  const parts: Uint8Array[] = [];
  const walk = (item: unknown): void => {
    if (item instanceof Uint8Array) parts.push(item);
    else if (item instanceof ArrayBuffer) parts.push(new Uint8Array(item));
    else if (ArrayBuffer.isView(item)) parts.push(new Uint8Array(item.buffer, item.byteOffset, item.byteLength));
    else if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') parts.push(utf8(String(item)));
    else if (Array.isArray(item)) item.forEach(walk);
    else if (item instanceof Map) item.forEach((v: unknown, k: unknown) => (walk(k), walk(v)));
    else if (typeof item === 'object' && item !== null) Object.entries(item).forEach(([k, v]) => (walk(k), walk(v)));
    parts.push(Uint8Array.of(0));
  };
  walk(value);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function includesBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Where any 8-byte window of any secret is stored. */
function keyMaterialIn(rows: readonly StoredRow[], secrets: readonly Uint8Array[]): string[] {
  const found = new Set<string>();
  for (const secret of secrets) {
    for (let start = 0; start + 8 <= secret.length; start++) {
      const window = secret.subarray(start, start + 8);
      for (const row of rows) if (includesBytes(row.bytes, window)) found.add(row.where);
    }
  }
  return [...found];
}

/** Where the circle is named: its id as text, or its 16 bytes. */
function mentionsOf(rows: readonly StoredRow[], circleId: string): string[] {
  const raw = fromBase64Url(circleId)!;
  return rows.filter((row) => includesBytes(row.bytes, utf8(circleId)) || includesBytes(row.bytes, raw)).map((row) => row.where);
}

describe('panic wipe', () => {
  it('leaves no row or database naming the circle or holding its keys, and the other circle whole', async () => {
    const { phone, scope, circleId, secrets, otherId } = await phoneInTwoCircles();
    const before = await everyRow();
    expect(mentionsOf(before, circleId).length).toBeGreaterThan(4);
    expect(keyMaterialIn(before, secrets)).not.toEqual([]);
    await phone.circle.replica.close();

    const report = await wipeCircle(phone.vault, circleId, scope);

    const after = await everyRow();
    expect(mentionsOf(after, circleId)).toEqual([]);
    expect(keyMaterialIn(after, secrets)).toEqual([]);
    expect(report).toMatchObject({ circleId, keys: true, pendingDrafts: 1, usedWelcomes: 1 });
    expect([...report.settings].sort()).toEqual(['activeCircle', `expiryChain:${circleId}`, `lastSync:${circleId}`]);
    expect(report.databases).toEqual(
      expect.arrayContaining([`tally-records-${scope.storageScope}${circleId}`, `tally-doc-${scope.storageScope}${circleId}`]),
    );

    expect(await phone.vault.memberships()).toEqual([expect.objectContaining({ circleId: otherId })]);
    expect(await phone.vault.pendingDrafts(otherId)).toHaveLength(1);
    expect(await phone.vault.setting(`lastSync:${otherId}`)).toBeDefined();
    expect(await phone.vault.setting('signalingServers')).toEqual(['wss://signal.example']);
    expect(await phone.vault.isWelcomeUsed('welcome-of-second')).toBe(true);
    const reopened = await openCircle((await phone.vault.membership(otherId))!, phone.vault, phone.deps);
    expect(reopened.replica.current().circle.members.size).toBe(1);
    await reopened.replica.close();
    phone.vault.close();
  });

  it('destroys the keys first: cut short after that step, no key material is left', async () => {
    const { phone, scope, circleId, secrets } = await phoneInTwoCircles();
    await phone.circle.replica.close();
    const cut: Vault = { ...phone.vault, eraseCircleTraces: () => Promise.reject(new Error('the phone switched off')) };

    await expect(wipeCircle(cut, circleId, scope)).rejects.toThrow('switched off');

    const rows = await everyRow();
    expect(keyMaterialIn(rows, secrets)).toEqual([]);
    expect(await phone.vault.membership(circleId)).toBeUndefined();
    // The rest is still there, and wiping again finishes the job.
    expect(mentionsOf(rows, circleId)).not.toEqual([]);
    const report = await wipeCircle(phone.vault, circleId, scope);
    expect(report).toMatchObject({ keys: false, pendingDrafts: 1 });
    expect(mentionsOf(await everyRow(), circleId)).toEqual([]);
    phone.vault.close();
  });

  it('erases a locked membership the same way', async () => {
    const { phone, scope, circleId } = await phoneInTwoCircles();
    const plain = phone.circle.membership.keys;
    if (plain.scheme !== 'plain') throw new Error('plain expected');
    const keys = await lockEnvelope(plain, 'a long passphrase', phone.deps.random, 1_000, { allowWeakIterationsForTests: true });
    await phone.vault.saveMembership({ ...phone.circle.membership, keys });
    await phone.circle.replica.close();
    const report = await wipeCircle(phone.vault, circleId, scope);
    expect(report.keys).toBe(true);
    const rows = await everyRow();
    expect(mentionsOf(rows, circleId)).toEqual([]);
    expect(keyMaterialIn(rows, [keys.ciphertext.subarray(0, 32), keys.kdf.salt])).toEqual([]);
    phone.vault.close();
  });

  it('does not wait for the open circle to be closed first', async () => {
    const { phone, scope, circleId } = await phoneInTwoCircles();
    const report = await wipeCircle(phone.vault, circleId, scope);
    expect(report.keys).toBe(true);
    expect(mentionsOf(await everyRow(), circleId)).toEqual([]);
    phone.vault.close();
  }, 10_000);
});
