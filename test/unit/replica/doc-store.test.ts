import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMPACT_ABOVE, docDatabaseName, persistDocument } from '../../../src/replica/doc-store';
import { openDatabase, transact } from '../../../src/replica/idb';

async function storedUpdates(circleId: string): Promise<number> {
  const db = await openDatabase(docDatabaseName(circleId), 1, {});
  let count = 0;
  await transact(db, 'updates', 'readonly', (tx) => {
    const request = tx.objectStore('updates').count();
    request.onsuccess = () => {
      count = request.result;
    };
  });
  db.close();
  return count;
}

/** Opens the document, runs `work`, lets the idle task run, and closes it as the app would. */
async function session(circleId: string, work: (doc: Y.Doc) => void = () => undefined, runIdle = true): Promise<Y.Doc> {
  const doc = new Y.Doc();
  let idleTask: (() => void) | undefined;
  const persistence = await persistDocument(circleId, doc, (task) => {
    idleTask = task;
  });
  work(doc);
  if (runIdle) idleTask?.();
  await persistence.close();
  return doc;
}

describe('document storage', () => {
  it('keeps every update across reopenings', async () => {
    await session('keep', (doc) => doc.getMap('records').set('a', Uint8Array.of(1)));
    await session('keep', (doc) => doc.getMap('records').set('b', Uint8Array.of(2)));
    const doc = await session('keep');
    expect([...doc.getMap('records').keys()].sort()).toEqual(['a', 'b']);
  });

  it('folds many stored updates into few once idle, losing nothing', async () => {
    await session('fold', (doc) => {
      for (let i = 0; i < COMPACT_ABOVE + 10; i++) doc.getMap('records').set(`r${i}`, Uint8Array.of(i));
    }, false);
    expect(await storedUpdates('fold')).toBeGreaterThan(COMPACT_ABOVE);
    await session('fold');
    expect(await storedUpdates('fold')).toBeLessThanOrEqual(2);
    const doc = await session('fold');
    expect(doc.getMap('records').size).toBe(COMPACT_ABOVE + 10);
  });

  it('leaves a small store alone: opening with no edits does not rewrite the document', async () => {
    await session('small', (doc) => doc.getMap('records').set('only', Uint8Array.of(1)));
    const before = await storedUpdates('small');
    await session('small');
    expect(await storedUpdates('small')).toBe(before + 1);
  });
});
