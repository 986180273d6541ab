import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom as seededNumbers } from '../../../src/domain/random';
import { bytesEqual } from '../../../src/records/bytes';
import { CodeKind, encodeFrame } from '../../../src/qr/frame';
import { versionForText } from '../../../src/qr/generate';
import {
  animatedFrames,
  MAX_ANIMATED_FRAME_BYTES,
  readAnimatedFrame,
  readStateVectorCode,
  sealedDiff,
  stateVectorCode,
} from '../../../src/sync/animated';
import type { AnimatedTransfer } from '../../../src/sync/animated';
import { stateVectorOf } from '../../../src/sync/diff';
import { createFountainDecoder, MAX_FOUNTAIN_PAYLOAD } from '../../../src/sync/fountain';
import { openSealedUpdates } from '../../../src/sync/sealed-file';
import { seededRandom } from '../../fixtures/circle';

const random = seededRandom('animated');
const circle = { id: random(16), secret: random(32) };

function transferOf(payload: Uint8Array, bytesPerFrame?: number): AnimatedTransfer {
  const made = animatedFrames(payload, bytesPerFrame === undefined ? { random } : { random, bytesPerFrame });
  if (!made.ok) throw new Error(made.error);
  return made.value;
}

/** Scans the stream as a camera would, skipping every third code; the payload and the codes it took. */
function scan(transfer: AnimatedTransfer): { payload: Uint8Array | null; codes: number } {
  const decoder = createFountainDecoder();
  let codes = 0;
  for (const text of transfer) {
    codes++;
    if (codes % 3 === 0) continue;
    const body = readAnimatedFrame(text);
    if (!body.ok) throw new Error(body.error);
    if (decoder.accept(body.value) === 'complete') return { payload: decoder.result(), codes };
    if (codes > 10 * transfer.blocks + 100) break;
  }
  return { payload: null, codes };
}

function recordsDoc(records: number, seed: number): Y.Doc {
  const doc = new Y.Doc();
  const bytes = seededNumbers(seed);
  const map = doc.getMap<Uint8Array>('records');
  doc.transact(() => {
    for (let i = 0; i < records; i++) map.set(`record-${seed}-${i}`, bytes.bytes(180 + (i % 40)));
  });
  return doc;
}

describe('animated frames', () => {
  it('stay at QR version 15 or below, every one of them', () => {
    const transfer = transferOf(seededNumbers(1).bytes(20_000));
    let n = 0;
    for (const text of transfer) {
      expect(text.length).toBeLessThanOrEqual(600);
      expect(versionForText(text)).toBeLessThanOrEqual(15);
      if (++n === 40) break;
    }
  });

  it('are the largest that fit: one byte more would need version 16', () => {
    expect(versionForText(encodeFrame(CodeKind.AnimatedFrame, 1, new Uint8Array(MAX_ANIMATED_FRAME_BYTES).fill(0xa5)))).toBe(15);
    expect(versionForText(encodeFrame(CodeKind.AnimatedFrame, 1, new Uint8Array(MAX_ANIMATED_FRAME_BYTES + 1).fill(0xa5)))).toBe(16);
  });

  it('carry a payload to a camera that misses frames', () => {
    for (const length of [0, 1, 500, 20_000]) {
      const payload = seededNumbers(length).bytes(length);
      const { payload: received } = scan(transferOf(payload));
      expect(received).toEqual(payload);
    }
  });

  it('make smaller codes when asked for fewer bytes a frame', () => {
    const transfer = transferOf(seededNumbers(2).bytes(3_000), 120);
    const first = transfer.next();
    expect(first.done).toBe(false);
    expect(versionForText(first.value as string)).toBeLessThanOrEqual(8);
    expect(scan(transfer).payload).not.toBeNull();
    expect(() => animatedFrames(new Uint8Array(10), { random, bytesPerFrame: 18 })).toThrow(RangeError);
  });

  it('refuse a payload beyond 8 MiB: a file carries that', () => {
    expect(animatedFrames(new Uint8Array(MAX_FOUNTAIN_PAYLOAD + 1), { random })).toEqual({ ok: false, error: 'too-large' });
    expect(animatedFrames(new Uint8Array(200_000), { random, bytesPerFrame: 20 })).toEqual({ ok: false, error: 'too-large' });
  });

  it('are read only from animated frame codes', () => {
    expect(readAnimatedFrame(encodeFrame(CodeKind.Welcome, 1, new Uint8Array(30)))).toEqual({ ok: false, error: 'wrong-kind' });
    expect(readAnimatedFrame(encodeFrame(CodeKind.AnimatedFrame, 2, new Uint8Array(30)))).toEqual({ ok: false, error: 'unsupported-version' });
    expect(readAnimatedFrame('HELLO')).toMatchObject({ ok: false });
  });
});

describe('what an animated code carries', () => {
  it('brings the other phone exactly what it lacked, readable only with the circle key', () => {
    const ana = recordsDoc(120, 3);
    const luis = new Y.Doc();
    Y.applyUpdate(luis, Y.encodeStateAsUpdate(recordsDoc(10, 4)));
    const sealed = sealedDiff(circle, ana, stateVectorOf(luis), random);
    if (!sealed.ok) throw new Error(sealed.error);
    expect(sealed.value.length).toBeGreaterThan(20_000);

    const { payload } = scan(transferOf(sealed.value));
    expect(payload !== null && bytesEqual(payload, sealed.value)).toBe(true);
    const opened = openSealedUpdates(circle, payload!);
    if (!opened.ok) throw new Error(opened.error);
    Y.applyUpdate(luis, opened.value);
    expect(luis.getMap('records').size).toBe(130);
    expect(openSealedUpdates({ id: circle.id, secret: random(32) }, payload!)).toEqual({ ok: false, error: 'damaged' });
  });

  it('is everything when the state vector could not be carried, and refuses an unreadable one', () => {
    const ana = recordsDoc(5, 5);
    const all = sealedDiff(circle, ana, null, random);
    if (!all.ok) throw new Error(all.error);
    const opened = openSealedUpdates(circle, all.value);
    if (!opened.ok) throw new Error(opened.error);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, opened.value);
    expect(fresh.getMap('records').size).toBe(5);
    expect(sealedDiff(circle, ana, new Uint8Array([9, 9]), random)).toEqual({ ok: false, error: 'malformed' });
  });
});

describe('the state vector code', () => {
  it('carries the state vector of this circle', () => {
    const vector = stateVectorOf(recordsDoc(3, 6));
    const code = stateVectorCode(circle.id, vector);
    if (!code.ok) throw new Error(code.error);
    expect(versionForText(code.value)).toBeLessThanOrEqual(5);
    expect(readStateVectorCode(code.value, circle.id)).toEqual({ ok: true, value: vector });
    expect(readStateVectorCode(code.value, random(16))).toEqual({ ok: false, error: 'other-circle' });
  });

  it('says when a state vector outgrows one code', () => {
    const doc = new Y.Doc();
    // Eighty writing sessions, as a circle collects over months; Yjs client ids are random 32-bit numbers.
    for (let client = 1; client <= 80; client++) {
      const session = new Y.Doc();
      session.clientID = 2_000_000_000 + client;
      Y.applyUpdate(session, Y.encodeStateAsUpdate(doc));
      session.getMap('records').set(`r${client}`, client);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(session));
    }
    expect(stateVectorCode(circle.id, stateVectorOf(doc))).toEqual({ ok: false, error: 'too-large' });
  });

  it('refuses a code whose state vector is unreadable', () => {
    const body = new Uint8Array([...circle.id, 3, 1]);
    expect(readStateVectorCode(encodeFrame(CodeKind.StateVector, 1, body), circle.id)).toEqual({ ok: false, error: 'malformed' });
    expect(readStateVectorCode(encodeFrame(CodeKind.StateVector, 1, circle.id), circle.id)).toEqual({ ok: false, error: 'malformed' });
    expect(readStateVectorCode(encodeFrame(CodeKind.AnimatedFrame, 1, body), circle.id)).toEqual({ ok: false, error: 'wrong-kind' });
  });
});
