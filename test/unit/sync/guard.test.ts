import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeVerdict, inlineGuard, MAX_UPDATE_BYTES } from '../../../src/sync/guard';
import { createWorkerGuard } from '../../../src/sync/worker-guard';

/** A stand-in for a worker: answers with the real check, or never (a decoder stuck in a loop). */
class FakeWorker {
  static spawned = 0;
  static terminated = 0;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(private readonly hang: (update: Uint8Array) => boolean) {
    FakeWorker.spawned++;
  }
  postMessage(update: Uint8Array): void {
    if (this.hang(update)) return;
    setTimeout(() => this.onmessage?.({ data: decodeVerdict(update) } as MessageEvent), 1);
  }
  terminate(): void {
    FakeWorker.terminated++;
  }
}

function realUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('records').set('a', Uint8Array.of(1));
  return Y.encodeStateAsUpdate(doc);
}

describe('the update guard', () => {
  it('passes a real update and refuses empty, oversized and garbage updates', async () => {
    expect(await inlineGuard.check(realUpdate())).toBe('ok');
    // An empty update made Yjs's decoder read forever (yjs issue 498).
    expect(await inlineGuard.check(new Uint8Array(0))).toBe('empty');
    expect(await inlineGuard.check(new Uint8Array(MAX_UPDATE_BYTES + 1))).toBe('too-large');
    // A varint that never ends, and counts that promise more structs than there are bytes.
    expect(await inlineGuard.check(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff))).toBe('malformed');
    expect(await inlineGuard.check(Uint8Array.of(1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 0))).toBe('malformed');
  });

  it('gives up on a decode that does not finish in time, replaces the worker, and keeps working', async () => {
    const stuck = realUpdate();
    const guard = createWorkerGuard({
      minimumMs: 50,
      spawn: () => new FakeWorker((update) => update === stuck) as unknown as Worker,
    });
    const started = Date.now();
    expect(await guard.check(stuck)).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(FakeWorker.terminated).toBe(1);
    expect(await guard.check(realUpdate())).toBe('ok');
    expect(FakeWorker.spawned).toBe(2);
    guard.dispose();
  });

  it('answers checks in order, one at a time', async () => {
    const guard = createWorkerGuard({ spawn: () => new FakeWorker(() => false) as unknown as Worker });
    const verdicts = await Promise.all([guard.check(realUpdate()), guard.check(Uint8Array.of(9, 9, 9)), guard.check(realUpdate())]);
    expect(verdicts).toEqual(['ok', 'malformed', 'ok']);
    guard.dispose();
  });
});
