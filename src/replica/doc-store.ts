/**
 * Durable storage of the Yjs document with y-indexeddb. y-indexeddb appends the
 * whole state on every open and compacts only after 500 updates (y-indexeddb
 * issue 31), so a phone opened daily grows without edits. After the content is
 * loaded, and once the app is idle, the stored updates are folded into one.
 */
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import type * as Y from 'yjs';
import type { DocPersistence } from './replica';
import { deleteDatabase } from './idb';

export function docDatabaseName(circleId: string): string {
  return `tally-doc-${circleId}`;
}

/** The stored update count, which y-indexeddb keeps on the instance without declaring it. */
function storedUpdateCount(persistence: IndexeddbPersistence): number {
  const size = (persistence as unknown as { _dbsize?: unknown })._dbsize;
  return typeof size === 'number' ? size : 0;
}

export async function persistDocument(circleId: string, doc: Y.Doc, idle: (task: () => void) => void): Promise<DocPersistence> {
  const persistence = new IndexeddbPersistence(docDatabaseName(circleId), doc);
  await persistence.whenSynced;
  let compaction: Promise<void> = Promise.resolve();
  idle(() => {
    if (storedUpdateCount(persistence) > 1) compaction = storeState(persistence, true);
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
