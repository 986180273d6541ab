import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/domain/random';
import { bytesEqual } from '../../../src/records/bytes';
import { base45Decode, base45Encode } from '../../../src/qr/base45';
import { CodeKind, decodeFrame, encodeFrame } from '../../../src/qr/frame';
import { blockSizeFor, createFountainDecoder, createFountainEncoder, MAX_BLOCKS, MAX_FOUNTAIN_PAYLOAD } from '../../../src/sync/fountain';
import type { AcceptOutcome, FountainEncoder } from '../../../src/sync/fountain';
import { degreeThresholds, frameBlocks, naturalLog } from '../../../src/sync/fountain-plan';
import { solveResidual } from '../../../src/sync/fountain-solve';
import { encodeFountainFrame, FRAME_HEADER_BYTES } from '../../../src/sync/fountain-wire';

/** The block size of a full-size animated frame (392 bytes of body). */
const B = 392 - FRAME_HEADER_BYTES;

function payloadOf(length: number, seed: number): Uint8Array {
  return seededRandom(seed).bytes(length);
}

function encoderFor(payload: Uint8Array, seed: number, maxBlock = B): FountainEncoder {
  return createFountainEncoder(payload, seededRandom(seed ^ 0x5a5a).bytes(8), blockSizeFor(payload.length, maxBlock));
}

/** Feeds frames 0, 1, 2, ... until the decoder completes; the number of frames it took. */
function decodeInOrder(encoder: FountainEncoder): { frames: number; result: Uint8Array | null } {
  const decoder = createFountainDecoder();
  for (let i = 0; i < 10 * encoder.blocks + 100; i++) {
    if (decoder.accept(encoder.frame(i)) === 'complete') return { frames: i + 1, result: decoder.result() };
  }
  return { frames: Infinity, result: null };
}

interface LossyRun {
  /** Frames the sender showed until completion, the lost ones included. */
  readonly shown: number;
  /** Distinct frames the decoder took in. */
  readonly received: number;
  readonly result: Uint8Array | null;
}

/**
 * A camera's view of the stream: 30% of frames lost, 10% seen twice (later),
 * and the order shuffled within windows of 16 frames.
 */
function decodeLossy(encoder: FountainEncoder, seed: number): LossyRun {
  const random = seededRandom(seed);
  const decoder = createFountainDecoder();
  const later: Uint8Array[] = [];
  let shown = 0;
  for (let window = 0; window < 40 * encoder.blocks + 100; window += 16) {
    const order = Array.from({ length: 16 }, (_, i) => window + i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = random.int(0, i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      shown++;
      const seen: Uint8Array[] = [];
      if (!random.chance(0.3)) seen.push(encoder.frame(index));
      if (random.chance(0.1) && later.length > 0) seen.push(later.shift()!);
      for (const frame of seen) {
        if (random.chance(0.1)) later.push(frame);
        const outcome = decoder.accept(frame);
        if (outcome === 'complete') return { shown, received: decoder.progress().received, result: decoder.result() };
      }
    }
  }
  return { shown, received: decoder.progress().received, result: null };
}

describe('fountain round trip', () => {
  it.each([0, 1, B - 1, B, B + 1, 10_000, 1_000_000])('rebuilds a payload of %i bytes exactly', (length) => {
    for (const seed of length > 100_000 ? [1] : [1, 2, 3]) {
      const payload = payloadOf(length, seed);
      const { result } = decodeInOrder(encoderFor(payload, seed));
      // bytesEqual rather than toEqual: comparing a megabyte element by element in the matcher takes seconds.
      expect(result !== null && bytesEqual(result, payload)).toBe(true);
    }
  });

  it('needs one frame for a payload that fits one block', () => {
    for (const length of [0, 1, B]) expect(decodeInOrder(encoderFor(payloadOf(length, 9), 9)).frames).toBe(1);
  });

  it('evens out blocks so the last is not mostly padding', () => {
    expect(blockSizeFor(0, B)).toBe(1);
    expect(blockSizeFor(B, B)).toBe(B);
    expect(blockSizeFor(B + 1, B)).toBe(Math.ceil((B + 1) / 2));
    expect(blockSizeFor(10_000, B)).toBeLessThanOrEqual(B);
  });

  it('completes through loss, duplicates and shuffling with a bounded overhead', { timeout: 60_000 }, () => {
    // 20 kB is about a month of a gathering's records, sealed: 54 blocks.
    const cases = [
      [4_000, 40],
      [20_000, 40],
      [60_000, 20],
      [200_000, 5],
    ] as const;
    for (const [length, seeds] of cases) {
      const runs: LossyRun[] = [];
      for (let seed = 1; seed <= seeds; seed++) {
        const payload = payloadOf(length, seed);
        const run = decodeLossy(encoderFor(payload, seed), seed * 7919);
        expect(run.result !== null && bytesEqual(run.result, payload)).toBe(true);
        runs.push(run);
      }
      const k = Math.ceil(length / B);
      const shown = runs.reduce((sum, run) => sum + run.shown, 0) / runs.length / k;
      const received = runs.reduce((sum, run) => sum + run.received, 0) / runs.length / k;
      // Measured: 1.30k received for k = 11 (3 frames more), 1.15k for 27, 1.08k for 54, 1.03k for 161, 1.14k for 535.
      const bound = 1.2 + 4 / k;
      expect(received, `k=${k}: ${received.toFixed(3)}k received`).toBeLessThan(bound);
      // With 30% lost, every frame received took 1/0.7 ≈ 1.43 shown.
      expect(shown, `k=${k}: ${shown.toFixed(3)}k shown`).toBeLessThan(bound / 0.7);
    }
  });

  it('calls a frame it has seen a duplicate', () => {
    const encoder = encoderFor(payloadOf(5_000, 4), 4);
    const decoder = createFountainDecoder();
    expect(decoder.accept(encoder.frame(3))).toBe('accepted');
    expect(decoder.accept(encoder.frame(3))).toBe('duplicate');
    expect(decoder.progress()).toMatchObject({ received: 1, total: encoder.blocks });
  });

  it('reports progress as blocks recovered out of k', () => {
    const encoder = encoderFor(payloadOf(20_000, 5), 5);
    const decoder = createFountainDecoder();
    expect(decoder.progress()).toEqual({ received: 0, recovered: 0, total: 0 });
    let last = 0;
    for (let i = 0; decoder.result() === null; i++) {
      decoder.accept(encoder.frame(i));
      const { recovered, total, received } = decoder.progress();
      expect(total).toBe(encoder.blocks);
      expect(received).toBe(i + 1);
      expect(recovered).toBeGreaterThanOrEqual(last);
      last = recovered;
    }
    expect(last).toBe(encoder.blocks);
  });

  it('keeps answering complete once done, and its result is a copy', () => {
    const payload = payloadOf(800, 6);
    const encoder = encoderFor(payload, 6);
    const decoder = createFountainDecoder();
    let i = 0;
    while (decoder.accept(encoder.frame(i)) !== 'complete') i++;
    expect(decoder.accept(encoder.frame(i + 1))).toBe('complete');
    decoder.result()![0]! ^= 0xff;
    expect(decoder.result()).toEqual(payload);
  });
});

describe('frames of two transfers', () => {
  it('locks onto the first transfer and calls the other one another transfer', () => {
    const first = payloadOf(9_000, 11);
    const second = payloadOf(7_000, 12);
    const a = encoderFor(first, 11);
    const b = encoderFor(second, 12);
    const decoder = createFountainDecoder();
    const others: AcceptOutcome[] = [];
    for (let i = 0; decoder.result() === null && i < 1000; i++) {
      decoder.accept(a.frame(i));
      others.push(decoder.accept(b.frame(i)));
    }
    expect(decoder.result()).toEqual(first);
    expect(new Set(others)).toEqual(new Set(['other-transfer']));
    expect(decoder.transferId).toEqual(a.transferId);
  });

  it('locks onto whichever it sees first', () => {
    const a = encoderFor(payloadOf(3_000, 13), 13);
    const second = payloadOf(3_000, 14);
    const b = encoderFor(second, 14);
    const decoder = createFountainDecoder();
    expect(decoder.accept(b.frame(100))).toBe('accepted');
    expect(decoder.accept(a.frame(0))).toBe('other-transfer');
    for (let i = 0; decoder.result() === null && i < 1000; i++) decoder.accept(b.frame(i));
    expect(decoder.result()).toEqual(second);
  });
});

describe('damaged and malformed frames', () => {
  it('never reach the decoder with a flipped bit: the code CRC refuses them', () => {
    const encoder = encoderFor(payloadOf(3_000, 21), 21);
    const random = seededRandom(21);
    for (let n = 0; n < 300; n++) {
      const bytes = base45Decode(encodeFrame(CodeKind.AnimatedFrame, 1, encoder.frame(n)))!;
      const bit = random.int(0, bytes.length * 8);
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      expect(decodeFrame(base45Encode(bytes)).ok).toBe(false);
    }
  });

  it('calls a truncated or lengthened frame malformed', () => {
    const frame = encoderFor(payloadOf(3_000, 22), 22).frame(0);
    const decoder = createFountainDecoder();
    for (let length = 0; length < frame.length; length++) expect(decoder.accept(frame.subarray(0, length))).toBe('malformed');
    const longer = new Uint8Array(frame.length + 1);
    longer.set(frame);
    expect(decoder.accept(longer)).toBe('malformed');
    expect(decoder.transferId).toBeNull();
  });

  const id = new Uint8Array(8).fill(7);
  const made = (length: number, blockSize: number, blockBytes = blockSize) =>
    encodeFountainFrame({ transferId: id, length, blockSize, index: 0, block: new Uint8Array(blockBytes) });

  it.each([
    ['a zero block size', made(10, 0, 1)],
    ['a block size beyond the bound', made(10, 5000)],
    ['a payload beyond 8 MiB', made(MAX_FOUNTAIN_PAYLOAD + 1, 300)],
    ['more than 65535 blocks', made(MAX_BLOCKS * 2 + 1, 2)],
    ['a block shorter than its stated size', made(100, 50, 49)],
  ])('calls a frame with %s malformed', (_what, frame) => {
    const decoder = createFountainDecoder();
    expect(decoder.accept(frame)).toBe('malformed');
    expect(decoder.progress().total).toBe(0);
  });

  it('calls a frame that changes its transfer\'s length or block size malformed', () => {
    const decoder = createFountainDecoder();
    expect(decoder.accept(made(100, 50))).toBe('accepted');
    expect(decoder.accept(encodeFountainFrame({ transferId: id, length: 101, blockSize: 50, index: 1, block: new Uint8Array(50) }))).toBe('malformed');
    expect(decoder.accept(encodeFountainFrame({ transferId: id, length: 100, blockSize: 25, index: 1, block: new Uint8Array(25) }))).toBe('malformed');
  });

  it('refuses to encode beyond the bounds', () => {
    expect(() => createFountainEncoder(new Uint8Array(10), new Uint8Array(7), 5)).toThrow(RangeError);
    expect(() => createFountainEncoder(new Uint8Array(MAX_BLOCKS + 1), new Uint8Array(8), 1)).toThrow(RangeError);
    expect(() => createFountainEncoder(new Uint8Array(10), new Uint8Array(8), 0)).toThrow(RangeError);
    expect(() => encoderFor(new Uint8Array(10), 1).frame(-1)).toThrow(RangeError);
  });
});

describe('which blocks a frame combines', () => {
  it('computes logarithms from exact operations that agree with Math.log', () => {
    for (const x of [1e-9, 0.1, 0.5, 1, Math.SQRT2, 2, 3, 108, 65535 / 0.5, 1e12]) {
      expect(naturalLog(x)).toBeCloseTo(Math.log(x), 13);
    }
  });

  it('picks distinct blocks in range', () => {
    for (const k of [1, 2, 7, 54, 1000]) {
      const thresholds = degreeThresholds(k);
      for (let i = 0; i < 300; i++) {
        const blocks = frameBlocks(new Uint8Array(8).fill(k), i, k, thresholds);
        expect(new Set(blocks).size).toBe(blocks.length);
        expect(blocks.length).toBeGreaterThanOrEqual(1);
        for (const b of blocks) expect(b >= 0 && b < k).toBe(true);
      }
    }
  });

  it('is fixed for a given transfer and frame: part of the wire format', () => {
    const id = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const thresholds = degreeThresholds(54);
    const firstFrames = Array.from({ length: 6 }, (_, i) => frameBlocks(id, i, 54, thresholds).sort((a, b) => a - b));
    // Changing the generator or the distribution changes these, and breaks every phone not yet updated.
    expect(firstFrames).toEqual([
      [28, 45],
      [25, 53],
      [22, 31],
      [13, 28, 38, 46],
      [5, 12, 19, 40],
      [2, 6, 8, 9, 12, 13, 14, 17, 19, 23, 24, 29, 30, 33, 34, 36],
    ]);
  });
});

describe('solving the residue by elimination', () => {
  it('solves blocks that peeling cannot, and waits when they are underdetermined', () => {
    const blocks = [Uint8Array.of(1, 2), Uint8Array.of(4, 8), Uint8Array.of(16, 32)];
    const xor = (...ids: number[]) => ids.reduce((acc, b) => acc.map((v, i) => v ^ blocks[b]![i]!), new Uint8Array(2));
    // Every equation has two unknowns: a peeling dead end.
    const equations = [
      { data: xor(0, 1), unknown: new Set([10, 11]) },
      { data: xor(1, 2), unknown: new Set([11, 12]) },
    ];
    expect(solveResidual([10, 11, 12], equations, 2)).toBeNull();
    equations.push({ data: xor(0, 1, 2), unknown: new Set([10, 11, 12]) });
    const solved = solveResidual([10, 11, 12], equations, 2)!;
    expect([solved.get(10), solved.get(11), solved.get(12)]).toEqual(blocks);
  });
});
