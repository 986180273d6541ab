/**
 * What this phone keeps about its memberships, outside any one circle's
 * replica: which circles it belongs to, the key envelope of each, a join
 * request waiting for its welcome, and the welcome codes already used.
 */
import { openDatabase, transact, getAllValues, getValue } from './idb';
import type { KeyEnvelope } from './key-envelope';

export interface Membership {
  /** The circle id, base64url. */
  readonly circleId: string;
  /** The name shown until the circle's founding record arrives with the real one. */
  readonly circleName: string;
  readonly memberKey: string;
  readonly joinedAt: number;
  readonly isDemo: boolean;
  readonly keys: KeyEnvelope;
}

export interface PendingJoinRecord {
  readonly name: string;
  readonly createdAt: number;
  readonly keys: KeyEnvelope;
}

/** An exchange draft this phone signed and showed, waiting for the other party's countersignature. */
export interface PendingDraft {
  readonly draftId: string;
  readonly circleId: string;
  readonly bytes: Uint8Array;
  readonly createdAt: number;
}

/** What eraseCircleTraces removed. */
export interface ErasedTraces {
  readonly pendingDrafts: number;
  /** The keys of the settings removed. */
  readonly settings: readonly string[];
  readonly usedWelcomes: number;
}

export interface Vault {
  memberships(): Promise<Membership[]>;
  membership(circleId: string): Promise<Membership | undefined>;
  saveMembership(membership: Membership): Promise<void>;
  removeMembership(circleId: string): Promise<void>;
  pendingJoin(): Promise<PendingJoinRecord | undefined>;
  savePendingJoin(pending: PendingJoinRecord): Promise<void>;
  /** Forgets a join request and its keys: nobody has admitted them yet, so nothing is lost. */
  cancelPendingJoin(): Promise<void>;
  /** Joining consumes the request and the welcome in one transaction: a welcome works once. */
  completeJoin(membership: Membership, welcomeId: string): Promise<void>;
  isWelcomeUsed(welcomeId: string): Promise<boolean>;
  pendingDrafts(circleId: string): Promise<PendingDraft[]>;
  savePendingDraft(draft: PendingDraft): Promise<void>;
  removePendingDraft(draftId: string): Promise<void>;
  setting<T>(key: string): Promise<T | undefined>;
  saveSetting(key: string, value: unknown): Promise<void>;
  /**
   * For a wipe, in one transaction: the circle's pending drafts, every setting
   * whose key or value names the circle, and the used welcome recorded when
   * this phone joined it (its value is the membership's joinedAt).
   */
  eraseCircleTraces(circleId: string, joinedAt: number | null): Promise<ErasedTraces>;
  /**
   * Setting, changing or turning off the app lock, in one transaction: the
   * lock's own setting (deleted when null) and every key envelope rewritten.
   * Nothing is left half under the old passphrase and half under the new.
   */
  rekey(lockSettingKey: string, lock: unknown, memberships: readonly Membership[], pending: PendingJoinRecord | undefined): Promise<void>;
  /** The panic wipe's first step: every membership, the join request and the named settings, in one small transaction. */
  destroyKeys(settingKeys: readonly string[]): Promise<void>;
  /** Empties every store: the vault as a blank app has it. */
  eraseAll(): Promise<void>;
  close(): void;
}

const MEMBERSHIPS = 'memberships';
const PENDING = 'pending-join';
const USED_WELCOMES = 'used-welcomes';
const SETTINGS = 'settings';
const PENDING_DRAFTS = 'pending-drafts';
const PENDING_KEY = 'current';
const ALL_STORES = [MEMBERSHIPS, PENDING, USED_WELCOMES, SETTINGS, PENDING_DRAFTS];
export const VAULT_DATABASE = 'tally-vault';

export async function openVault(name = VAULT_DATABASE): Promise<Vault> {
  // Version 2 added the pending drafts; opening creates any store a phone lacks.
  const db = await openDatabase(name, 2, {
    [MEMBERSHIPS]: { keyPath: 'circleId' },
    [PENDING]: {},
    [USED_WELCOMES]: {},
    [SETTINGS]: {},
    [PENDING_DRAFTS]: { keyPath: 'draftId' },
  });
  const put = (store: string, value: unknown, key?: IDBValidKey): Promise<void> =>
    transact(db, store, 'readwrite', (tx) => void tx.objectStore(store).put(value, key), 'strict');
  return {
    memberships: () => getAllValues<Membership>(db, MEMBERSHIPS),
    membership: (circleId) => getValue<Membership>(db, MEMBERSHIPS, circleId),
    saveMembership: (membership) => put(MEMBERSHIPS, membership),
    removeMembership: (circleId) =>
      transact(db, MEMBERSHIPS, 'readwrite', (tx) => void tx.objectStore(MEMBERSHIPS).delete(circleId), 'strict'),
    pendingJoin: () => getValue<PendingJoinRecord>(db, PENDING, PENDING_KEY),
    savePendingJoin: (pending) => put(PENDING, pending, PENDING_KEY),
    cancelPendingJoin: () => transact(db, PENDING, 'readwrite', (tx) => void tx.objectStore(PENDING).delete(PENDING_KEY), 'strict'),
    completeJoin: (membership, welcomeId) =>
      transact(
        db,
        [MEMBERSHIPS, PENDING, USED_WELCOMES],
        'readwrite',
        (tx) => {
          tx.objectStore(MEMBERSHIPS).put(membership);
          tx.objectStore(PENDING).delete(PENDING_KEY);
          tx.objectStore(USED_WELCOMES).put(membership.joinedAt, welcomeId);
        },
        'strict',
      ),
    isWelcomeUsed: async (welcomeId) => (await getValue<number>(db, USED_WELCOMES, welcomeId)) !== undefined,
    pendingDrafts: async (circleId) =>
      (await getAllValues<PendingDraft>(db, PENDING_DRAFTS)).filter((draft) => draft.circleId === circleId),
    savePendingDraft: (draft) => put(PENDING_DRAFTS, draft),
    removePendingDraft: (draftId) =>
      transact(db, PENDING_DRAFTS, 'readwrite', (tx) => void tx.objectStore(PENDING_DRAFTS).delete(draftId), 'strict'),
    setting: (key) => getValue(db, SETTINGS, key),
    saveSetting: (key, value) => put(SETTINGS, value, key),
    eraseCircleTraces: async (circleId, joinedAt) => {
      let pendingDrafts = 0;
      let usedWelcomes = 0;
      const settings: string[] = [];
      await transact(
        db,
        [PENDING_DRAFTS, SETTINGS, USED_WELCOMES],
        'readwrite',
        (tx) => {
          deleteWhere(tx.objectStore(PENDING_DRAFTS), (_, value) => (value as Partial<PendingDraft>).circleId === circleId, () => pendingDrafts++);
          // Settings are keyed by strings (saveSetting's key).
          deleteWhere(tx.objectStore(SETTINGS), (key, value) => mentions(key, circleId) || mentions(value, circleId), (key) =>
            settings.push(key as string),
          );
          if (joinedAt !== null) deleteWhere(tx.objectStore(USED_WELCOMES), (_, value) => value === joinedAt, () => usedWelcomes++);
        },
        'strict',
      );
      return { pendingDrafts, settings, usedWelcomes };
    },
    rekey: (lockSettingKey, lock, memberships, pending) =>
      transact(
        db,
        [MEMBERSHIPS, PENDING, SETTINGS],
        'readwrite',
        (tx) => {
          if (lock === null) tx.objectStore(SETTINGS).delete(lockSettingKey);
          else tx.objectStore(SETTINGS).put(lock, lockSettingKey);
          for (const membership of memberships) tx.objectStore(MEMBERSHIPS).put(membership);
          if (pending !== undefined) tx.objectStore(PENDING).put(pending, PENDING_KEY);
        },
        'strict',
      ),
    destroyKeys: (settingKeys) =>
      transact(
        db,
        [MEMBERSHIPS, PENDING, SETTINGS],
        'readwrite',
        (tx) => {
          tx.objectStore(MEMBERSHIPS).clear();
          tx.objectStore(PENDING).clear();
          for (const key of settingKeys) tx.objectStore(SETTINGS).delete(key);
        },
        'strict',
      ),
    eraseAll: () =>
      transact(db, ALL_STORES, 'readwrite', (tx) => {
        for (const store of ALL_STORES) tx.objectStore(store).clear();
      }, 'strict'),
    close: () => db.close(),
  };
}

function deleteWhere(store: IDBObjectStore, matches: (key: IDBValidKey, value: unknown) => boolean, deleted: (key: IDBValidKey) => void): void {
  const request = store.openCursor();
  request.onsuccess = () => {
    const cursor = request.result;
    if (cursor === null) return;
    if (matches(cursor.primaryKey, cursor.value)) {
      cursor.delete();
      deleted(cursor.primaryKey);
    }
    cursor.continue();
  };
}

/** Whether a stored value holds the text anywhere: settings are small, and their shapes belong to other layers. */
function mentions(value: unknown, text: string, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (typeof value !== 'object' || value === null || depth > 8 || ArrayBuffer.isView(value)) return false;
  const members: unknown[] = Array.isArray(value)
    ? value
    : value instanceof Map
      ? [...(value as Map<unknown, unknown>).keys(), ...(value as Map<unknown, unknown>).values()]
      : [...Object.keys(value), ...Object.values(value as Record<string, unknown>)];
  return members.some((member) => mentions(member, text, depth + 1));
}
