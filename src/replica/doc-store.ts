/**
 * Durable storage of the Yjs document with y-indexeddb. Each open appends the
 * document's state at the moment storage is attached, and y-indexeddb folds
 * its stored updates into one only after 500 of them (y-indexeddb issue 31).
 * Attached to an empty document, an open adds a few bytes; but every record
 * added is an update of its own. So once the app is idle after opening, a store
 * holding more than COMPACT_ABOVE updates is folded into one. Folding on every
 * open would rewrite the whole document each launch, megabytes for a large
 * circle, for a saving of a few bytes.
 */
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import type * as Y from 'yjs';
import type { DocPersistence } from './replica';
import { deleteDatabase, transact } from './idb';

export const COMPACT_ABOVE = 50;
const UPDATES_STORE = 'updates';

export function docDatabaseName(circleId: string): string {
  return `tally-doc-${circleId}`;
}

/** Counts the stored updates directly: y-indexeddb's own count is set later than 'synced' fires. */
async function storedUpdateCount(db: IDBDatabase): Promise<number> {
  let count = 0;
  await transact(db, UPDATES_STORE, 'readonly', (tx) => {
    const request = tx.objectStore(UPDATES_STORE).count();
    request.onsuccess = () => {
      count = request.result;
    };
  });
  return count;
}

export async function persistDocument(circleId: string, doc: Y.Doc, idle: (task: () => void) => void): Promise<DocPersistence> {
  const persistence = new IndexeddbPersistence(docDatabaseName(circleId), doc);
  await persistence.whenSynced;
  let compaction: Promise<void> = Promise.resolve();
  idle(() => {
    const db = persistence.db;
    if (db === null) return;
    compaction = storedUpdateCount(db)
      .then((count) => (count > COMPACT_ABOVE ? storeState(persistence, true) : undefined))
      // A failed fold leaves the updates as they were: nothing is lost, the next open tries again.
      .catch(() => undefined);
  });
  return {
    // y-indexeddb issues each update's write as it happens; nothing waits in memory.
    flush: () => undefined,
    close: async () => {
      await compaction;
      await persistence.destroy();
    },
  };
}

export function deleteDocumentStore(circleId: string): Promise<void> {
  return deleteDatabase(docDatabaseName(circleId));
}
