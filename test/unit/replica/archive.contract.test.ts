import { describe, expect, it } from 'vitest';
import { createMemoryArchive, openIndexedDbArchive } from '../../../src/replica/archive';
import type { RecordArchive } from '../../../src/replica/archive';

let counter = 0;
const adapters: ReadonlyArray<readonly [string, () => Promise<RecordArchive>]> = [
  ['in memory', () => Promise.resolve(createMemoryArchive())],
  ['IndexedDB', () => openIndexedDbArchive(`contract-${++counter}`)],
];

describe.each(adapters)('record archive (%s)', (_name, open) => {
  it('starts empty and returns what was stored', async () => {
    const archive = await open();
    expect(await archive.loadAll()).toEqual([]);
    await archive.putAll([
      { id: 'a', bytes: Uint8Array.of(1, 2, 3) },
      { id: 'b', bytes: Uint8Array.of(4) },
    ]);
    const loaded = await archive.loadAll();
    expect(loaded.map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect([...loaded.find((r) => r.id === 'a')!.bytes]).toEqual([1, 2, 3]);
    archive.close();
  });

  it('stores the same record twice as one', async () => {
    const archive = await open();
    await archive.putAll([{ id: 'x', bytes: Uint8Array.of(9) }]);
    await archive.putAll([{ id: 'x', bytes: Uint8Array.of(9) }]);
    expect(await archive.loadAll()).toHaveLength(1);
    archive.close();
  });

  it('keeps its own copy: changing the caller’s bytes afterwards changes nothing stored', async () => {
    const archive = await open();
    const bytes = Uint8Array.of(7, 7);
    await archive.putAll([{ id: 'y', bytes }]);
    bytes[0] = 0;
    expect([...(await archive.loadAll())[0]!.bytes]).toEqual([7, 7]);
    archive.close();
  });

  it('accepts an empty batch', async () => {
    const archive = await open();
    await archive.putAll([]);
    expect(await archive.loadAll()).toEqual([]);
    archive.close();
  });
});

describe('IndexedDB archive', () => {
  it('survives closing and reopening', async () => {
    const first = await openIndexedDbArchive('reopen');
    await first.putAll([{ id: 'kept', bytes: Uint8Array.of(1) }]);
    first.close();
    const second = await openIndexedDbArchive('reopen');
    expect((await second.loadAll()).map((r) => r.id)).toEqual(['kept']);
    second.close();
  });
});
