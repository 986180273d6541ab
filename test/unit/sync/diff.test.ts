import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { seededRandom } from '../../../src/domain/random';
import { allUpdates, MAX_STATE_VECTOR_BYTES, missingUpdates, parseStateVector, stateVectorOf } from '../../../src/sync/diff';

function docWith(records: number, seed: number, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  const random = seededRandom(seed);
  const map = doc.getMap<Uint8Array>('records');
  for (let i = 0; i < records; i++) map.set(`r-${seed}-${i}`, random.bytes(200));
  return doc;
}

function contents(doc: Y.Doc): Record<string, unknown> {
  return doc.getMap('records').toJSON();
}

describe('missing updates', () => {
  it('carry exactly what the other phone lacks', () => {
    const ana = docWith(30, 1, 101);
    const luis = new Y.Doc();
    Y.applyUpdate(luis, Y.encodeStateAsUpdate(ana));
    ana.getMap<Uint8Array>('records').set('new', new Uint8Array([1, 2, 3]));
    const diff = missingUpdates(ana, stateVectorOf(luis));
    expect(diff.ok).toBe(true);
    if (!diff.ok) return;
    // One new entry, not the thirty Luis has.
    expect(diff.value.length).toBeLessThan(100);
    Y.applyUpdate(luis, diff.value);
    expect(contents(luis)).toEqual(contents(ana));
  });

  it('merge both ways into the same document', () => {
    const ana = docWith(10, 2, 201);
    const luis = docWith(12, 3, 202);
    const toLuis = missingUpdates(ana, stateVectorOf(luis));
    const toAna = missingUpdates(luis, stateVectorOf(ana));
    if (!toLuis.ok || !toAna.ok) throw new Error('diff refused');
    Y.applyUpdate(luis, toLuis.value);
    Y.applyUpdate(ana, toAna.value);
    expect(Object.keys(contents(ana))).toHaveLength(22);
    expect(contents(ana)).toEqual(contents(luis));
  });

  it('send everything to a phone that has nothing, and a state vector from the future is no problem', () => {
    const ana = docWith(5, 4, 301);
    const empty = missingUpdates(ana, stateVectorOf(new Y.Doc()));
    expect(empty).toEqual({ ok: true, value: allUpdates(ana) });
    const ahead = Y.encodeStateVector(docWith(50, 5, 301));
    expect(missingUpdates(ana, ahead).ok).toBe(true);
  });

  it('refuse a state vector they cannot read, rather than guess', () => {
    const doc = docWith(3, 6);
    const good = stateVectorOf(doc);
    expect(missingUpdates(doc, new Uint8Array(0))).toEqual({ ok: false, error: 'empty' });
    expect(missingUpdates(doc, new Uint8Array(MAX_STATE_VECTOR_BYTES + 1))).toEqual({ ok: false, error: 'too-large' });
    for (let length = 1; length < good.length; length++) {
      expect(missingUpdates(doc, good.subarray(0, length)), `length ${length}`).toEqual({ ok: false, error: 'malformed' });
    }
    const trailing = new Uint8Array([...good, 0]);
    expect(missingUpdates(doc, trailing)).toEqual({ ok: false, error: 'malformed' });
    // A claimed count of 2^28 entries in five bytes.
    expect(missingUpdates(doc, new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x01]))).toEqual({ ok: false, error: 'malformed' });
    // The same client twice.
    expect(parseStateVector(new Uint8Array([2, 5, 1, 5, 2]))).toEqual({ ok: false, error: 'malformed' });
  });

  it('never throw on any bytes', () => {
    const doc = docWith(3, 7);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const result = missingUpdates(doc, bytes);
        if (result.ok) Y.applyUpdate(new Y.Doc(), result.value);
      }),
      { seed: 0xd1ff, numRuns: 2000 },
    );
  });
});
