/**
 * The local archive: this phone's own copy of every valid record it has seen.
 * Yjs lets any writer delete a map entry; the archive is how an honest phone
 * puts such records back, and it is what "saved" means: a record is in the
 * archive, on disk, before the member is told so. Records enter the archive
 * only after their signatures were checked, so reopening the app reads them
 * without verifying them again.
 */
import { deleteDatabase, openDatabase, transact } from './idb';
import { getAllValues } from './idb';

export interface ArchivedRecord {
  readonly id: string;
  readonly bytes: Uint8Array;
}

/** A storage seam with one contract test suite for the IndexedDB and in-memory versions. */
export interface RecordArchive {
  /** Resolves once every record is durably stored. Storing a record twice is harmless. */
  putAll(records: readonly ArchivedRecord[]): Promise<void>;
  loadAll(): Promise<ArchivedRecord[]>;
  close(): void;
}

export function createMemoryArchive(): RecordArchive {
  const records = new Map<string, Uint8Array>();
  return {
    putAll: (batch) => {
      for (const record of batch) records.set(record.id, record.bytes.slice());
      return Promise.resolve();
    },
    loadAll: () => Promise.resolve([...records].map(([id, bytes]) => ({ id, bytes: bytes.slice() }))),
    close: () => undefined,
  };
}

const STORE = 'records';

export function archiveDatabaseName(circleId: string): string {
  return `tally-records-${circleId}`;
}

export async function openIndexedDbArchive(circleId: string): Promise<RecordArchive> {
  const db = await openDatabase(archiveDatabaseName(circleId), 1, { [STORE]: { keyPath: 'id' } });
  return {
    putAll: (batch) =>
      batch.length === 0
        ? Promise.resolve()
        : transact(
            db,
            STORE,
            'readwrite',
            (tx) => {
              const store = tx.objectStore(STORE);
              for (const record of batch) store.put({ id: record.id, bytes: record.bytes });
            },
            'strict',
          ),
    loadAll: async () => {
      const rows = await getAllValues<{ id: unknown; bytes: unknown }>(db, STORE);
      // Storage is ours, but a row damaged by a crash or an old version must not stop the app.
      return rows.filter((row): row is ArchivedRecord => typeof row.id === 'string' && row.bytes instanceof Uint8Array);
    },
    close: () => db.close(),
  };
}

export function deleteArchive(circleId: string): Promise<void> {
  return deleteDatabase(archiveDatabaseName(circleId));
}
