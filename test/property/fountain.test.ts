import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seededRandom } from '../../src/domain/random';
import { bytesEqual } from '../../src/records/bytes';
import { blockSizeFor, createFountainDecoder, createFountainEncoder } from '../../src/sync/fountain';
import type { AcceptOutcome } from '../../src/sync/fountain';
import { FRAME_HEADER_BYTES } from '../../src/sync/fountain-wire';

const OUTCOMES: readonly AcceptOutcome[] = ['accepted', 'duplicate', 'other-transfer', 'malformed', 'complete'];

describe('a fountain transfer', () => {
  it('rebuilds any payload exactly, whatever frames the camera drops, repeats or reorders', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.nat(),
        (payload, maxBlock, transferId, loss, seed) => {
          const encoder = createFountainEncoder(payload, transferId, blockSizeFor(payload.length, maxBlock));
          const decoder = createFountainDecoder();
          const random = seededRandom(seed);
          const limit = 30 * encoder.blocks + 200;
          let done = false;
          for (let start = 0; start < limit && !done; start += 8) {
            // Windows of eight frames in a random order; some lost, some seen twice.
            const order = [0, 1, 2, 3, 4, 5, 6, 7];
            for (let i = order.length - 1; i > 0; i--) {
              const j = random.int(0, i + 1);
              [order[i], order[j]] = [order[j]!, order[i]!];
            }
            for (const offset of order) {
              if (random.chance(loss)) continue;
              const frame = encoder.frame(start + offset);
              const times = random.chance(0.2) ? 2 : 1;
              for (let t = 0; t < times && !done; t++) done = decoder.accept(frame) === 'complete';
              if (done) break;
            }
          }
          expect(done).toBe(true);
          const result = decoder.result();
          expect(result !== null && bytesEqual(result, payload)).toBe(true);
          expect(decoder.progress().recovered).toBe(encoder.blocks);
        },
      ),
      { seed: 0xf0a7, numRuns: 300 },
    );
  });

  it('never throws on any bytes, and garbage between real frames changes nothing', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 3000 }),
        fc.array(fc.uint8Array({ maxLength: 500 }), { maxLength: 40 }),
        fc.nat(),
        (payload, garbage, seed) => {
          const random = seededRandom(seed);
          const encoder = createFountainEncoder(payload, random.bytes(8), blockSizeFor(payload.length, 200));
          const decoder = createFountainDecoder();
          expect(OUTCOMES).toContain(decoder.accept(encoder.frame(0)));
          let g = 0;
          for (let i = 1; decoder.result() === null && i < 40 * encoder.blocks + 200; i++) {
            if (g < garbage.length) expect(OUTCOMES).toContain(decoder.accept(garbage[g++]!));
            decoder.accept(encoder.frame(i));
          }
          expect(decoder.result()).toEqual(payload);
        },
      ),
      { seed: 0x6a5b, numRuns: 200 },
    );
  });

  it('answers any altered header with an outcome, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 2000 }), fc.nat(), fc.nat({ max: FRAME_HEADER_BYTES * 8 - 1 }), (payload, seed, bit) => {
        const random = seededRandom(seed);
        const encoder = createFountainEncoder(payload, random.bytes(8), blockSizeFor(payload.length, 300));
        const decoder = createFountainDecoder();
        decoder.accept(encoder.frame(0));
        const frame = encoder.frame(1);
        frame[bit >> 3]! ^= 1 << (bit & 7);
        expect(OUTCOMES).toContain(decoder.accept(frame));
        const fresh = createFountainDecoder();
        expect(OUTCOMES).toContain(fresh.accept(frame));
      }),
      { seed: 0x4ead, numRuns: 1000 },
    );
  });
});
