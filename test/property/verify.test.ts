// The reused-key verification must answer exactly as the library's own strict
// verification, for valid signatures and for every kind of tampering.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bigintOf, littleEndian } from '../fixtures/scalars';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sign, signingKeysFromSeed, verify, verifyByLibrary } from '../../src/records/signatures';

const L = 2n ** 252n + 27742317777372353535851937790883648493n;


const keys = Array.from({ length: 6 }, (_, i) => signingKeysFromSeed(new Uint8Array(32).fill(i + 11)));
// Encodings of small-order points and of a y beyond the field: keys no honest phone makes.
const oddKeys = [
  new Uint8Array(32),
  littleEndian(1n),
  littleEndian(2n ** 255n - 20n),
  littleEndian(2n ** 255n - 19n),
  ed25519.Point.BASE.toBytes().map((b, i) => (i === 31 ? b | 0x80 : b)),
];

describe('signature verification', () => {
  it('agrees with the library on valid signatures and on every single flipped bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: keys.length - 1 }), fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.constantFrom('sig', 'msg', 'key', 'none'), (k, message, at, where) => {
        const key = keys[k]!;
        const signature = sign('record', message, key.secretKey);
        let sig: Uint8Array = signature;
        let msg: Uint8Array = message;
        let pub: Uint8Array = key.publicKey;
        const flip = (bytes: Uint8Array): Uint8Array => {
          if (bytes.length === 0) return Uint8Array.of(1);
          const copy = bytes.slice();
          const bit = at % (bytes.length * 8);
          copy[bit >> 3] = copy[bit >> 3]! ^ (1 << (bit & 7));
          return copy;
        };
        if (where === 'sig') sig = flip(signature);
        if (where === 'msg') msg = flip(message);
        if (where === 'key') pub = flip(key.publicKey);
        const expected = verifyByLibrary('record', sig, msg, pub);
        expect(verify('record', sig, msg, pub)).toBe(expected);
        if (where === 'none') expect(expected).toBe(true);
      }),
      { seed: 99, numRuns: 600 },
    );
    // Twelve hundred checks in script: seconds on a busy machine.
  }, 60_000);

  it('agrees on a malleated S, small-order keys and non-canonical encodings', () => {
    const key = keys[0]!;
    const message = Uint8Array.of(1, 2, 3);
    const signature = sign('record', message, key.secretKey);
    const malleated = signature.slice();
    malleated.set(littleEndian(bigintOf(signature.subarray(32)) + L), 32);
    const cases: [Uint8Array, Uint8Array][] = [[malleated, key.publicKey]];
    for (const odd of oddKeys) cases.push([signature, odd]);
    const nonCanonicalR = signature.slice();
    nonCanonicalR.set(littleEndian(2n ** 255n - 18n), 0);
    cases.push([nonCanonicalR, key.publicKey]);
    for (const [sig, pub] of cases) {
      expect(verify('record', sig, message, pub)).toBe(verifyByLibrary('record', sig, message, pub));
      expect(verify('record', sig, message, pub)).toBe(false);
    }
  });

  it('does not accept a signature made for another purpose', () => {
    const key = keys[1]!;
    const signature = sign('join-request', Uint8Array.of(5), key.secretKey);
    expect(verify('record', signature, Uint8Array.of(5), key.publicKey)).toBe(false);
    expect(verify('join-request', signature, Uint8Array.of(5), key.publicKey)).toBe(true);
  });
});
