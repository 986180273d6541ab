/**
 * Promise wrappers over IndexedDB, kept to what the stores here need. Writes
 * that a member is told are "saved" use strict durability: Chrome relaxed its
 * default in version 121, so without it a crash right after can lose the write.
 */

export type StoreSchema = Readonly<Record<string, IDBObjectStoreParameters>>;

export function openDatabase(name: string, version: number, stores: StoreSchema): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const [store, options] of Object.entries(stores)) {
        if (!db.objectStoreNames.contains(store)) db.createObjectStore(store, options);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading or deleting this database must not be blocked by us.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`could not open ${name}`));
    request.onblocked = () => reject(new Error(`opening ${name} is blocked by another tab`));
  });
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    // A blocked delete completes once other connections close; waiting is right.
  });
}

export type Durability = 'strict' | 'default';

/**
 * Runs work inside one transaction and resolves when the transaction has
 * committed (not merely when the requests succeeded), so "saved" means on disk.
 */
export function transact<T>(
  db: IDBDatabase,
  stores: string | readonly string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => T,
  durability: Durability = 'default',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores as string | string[], mode, { durability: durability === 'strict' ? 'strict' : 'default' });
    let result: T;
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    try {
      result = work(tx);
    } catch (error) {
      tx.abort();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Reads one value; the transaction has completed by the time the promise resolves. */
export async function getValue<T>(db: IDBDatabase, store: string, key: IDBValidKey): Promise<T | undefined> {
  let value: T | undefined;
  await transact(db, store, 'readonly', (tx) => {
    const request = tx.objectStore(store).get(key);
    request.onsuccess = () => {
      value = request.result as T | undefined;
    };
  });
  return value;
}

export async function getAllValues<T>(db: IDBDatabase, store: string): Promise<T[]> {
  let values: T[] = [];
  await transact(db, store, 'readonly', (tx) => {
    const request = tx.objectStore(store).getAll();
    request.onsuccess = () => {
      values = request.result as T[];
    };
  });
  return values;
}

/** The names of this origin's databases; none on browsers without indexedDB.databases() (Firefox before 126). */
export async function listDatabaseNames(): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function') return [];
  try {
    return (await indexedDB.databases()).flatMap((info) => (info.name === undefined ? [] : [info.name]));
  } catch {
    return [];
  }
}
