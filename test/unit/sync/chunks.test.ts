import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Reassembler, splitMessage } from '../../../src/sync/chunks';

describe('pieces of a message', () => {
  it('fit the carrier and put back together exactly, for any size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 14, max: 700 }), (message, max) => {
        const pieces = splitMessage(message, max, 7);
        expect(pieces.every((piece) => piece.length <= max)).toBe(true);
        const reassembler = new Reassembler(10_000);
        let whole: Uint8Array | null = null;
        for (const piece of pieces) {
          const result = reassembler.accept(piece);
          expect(result.ok).toBe(true);
          if (result.ok && result.value !== null) whole = result.value;
        }
        expect(whole).toEqual(message);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('refuses pieces out of order, of another message, or a piece in the middle of a message', () => {
    const pieces = splitMessage(new Uint8Array(100).fill(3), 40, 1);
    const other = splitMessage(new Uint8Array(100).fill(4), 40, 2);
    expect(pieces.length).toBeGreaterThan(2);
    const outOfOrder = new Reassembler(1000);
    expect(outOfOrder.accept(pieces[1]!).ok).toBe(false);
    const mixed = new Reassembler(1000);
    expect(mixed.accept(pieces[0]!).ok).toBe(true);
    expect(mixed.accept(other[1]!).ok).toBe(false);
    const interrupted = new Reassembler(1000);
    interrupted.accept(pieces[0]!);
    expect(interrupted.accept(splitMessage(Uint8Array.of(1), 40, 3)[0]!).ok).toBe(false);
  });

  it('refuses garbage and a message beyond the limit without holding it', () => {
    const reassembler = new Reassembler(50);
    expect(reassembler.accept(new Uint8Array(0))).toEqual({ ok: false, error: 'malformed' });
    expect(reassembler.accept(Uint8Array.of(9, 1, 2))).toEqual({ ok: false, error: 'malformed' });
    expect(new Reassembler(50).accept(splitMessage(new Uint8Array(60), 100, 1)[0]!)).toEqual({ ok: false, error: 'too-large' });
    const pieces = splitMessage(new Uint8Array(200), 40, 1);
    const big = new Reassembler(50);
    const results = pieces.map((piece) => big.accept(piece));
    expect(results.some((result) => !result.ok && result.error === 'too-large')).toBe(true);
  });
});

describe('a message in flight', () => {
  it('tells how many of its pieces and bytes have come', () => {
    const pieces = splitMessage(new Uint8Array(100).fill(3), 40, 1);
    const reassembler = new Reassembler(1000);
    expect(reassembler.inFlight()).toBeNull();
    reassembler.accept(pieces[0]!);
    expect(reassembler.inFlight()).toEqual({ pieces: 1, count: 4, bytes: 27, maxBytes: 108 });
    reassembler.accept(pieces[1]!);
    expect(reassembler.inFlight()?.pieces).toBe(2);
    reassembler.accept(pieces[2]!);
    expect(reassembler.accept(pieces[3]!).ok).toBe(true);
    expect(reassembler.inFlight()).toBeNull();
  });

  it('is refused at its first piece when its count announces more than the limit', () => {
    const pieces = splitMessage(new Uint8Array(2000), 100, 1);
    expect(new Reassembler(1000).accept(pieces[0]!)).toEqual({ ok: false, error: 'too-large' });
  });

  it('refuses a piece before the last that is not as large as the first', () => {
    const pieces = splitMessage(new Uint8Array(100), 40, 1);
    const reassembler = new Reassembler(1000);
    reassembler.accept(pieces[0]!);
    expect(reassembler.accept(pieces[1]!.subarray(0, 30))).toEqual({ ok: false, error: 'malformed' });
  });
});
