// Checking signatures in a batch (the platform's Ed25519 first) must answer
// exactly as verify() does one by one, including for signatures crafted to
// pass one reading of Ed25519 and not another.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bigintOf, littleEndian } from '../fixtures/scalars';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from '../../src/records/bytes';
import { signedBytes } from '../../src/records/crypto';
import { sign, signingKeysFromSeed, verify } from '../../src/records/signatures';
import { verifyAll } from '../../src/records/verify-batch';
import type { SignatureCheck } from '../../src/records/verify-batch';

const L = ed25519.Point.Fn.ORDER;


const keys = Array.from({ length: 4 }, (_, i) => signingKeysFromSeed(new Uint8Array(32).fill(i + 40)));

const one = (check: SignatureCheck): boolean => verify(check.purpose, check.signature, check.message, check.publicKey);

/**
 * A signature whose R carries a point of order 8: it satisfies the cofactored
 * equation verify() uses, and not the cofactorless one most platform
 * verifiers use. Only someone holding the key can make one.
 */
function torsionedSignature(seed: Uint8Array, purpose: string, message: Uint8Array): Uint8Array {
  const { scalar, pointBytes } = ed25519.utils.getExtendedPublicKey(seed);
  const torsion = ed25519.Point.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a');
  const r = 123_456_789n;
  const R = ed25519.Point.BASE.multiply(r).add(torsion).toBytes();
  const k = bigintOf(sha512(concatBytes(R, pointBytes, signedBytes(purpose, message)))) % L;
  return concatBytes(R, littleEndian((r + k * scalar) % L));
}

describe('batch signature checks', () => {
  it('give verify()\'s answer for valid signatures and every single flipped bit, in one batch', async () => {
    const checks = fc.sample(
      fc.tuple(fc.integer({ min: 0, max: keys.length - 1 }), fc.uint8Array({ maxLength: 200 }), fc.nat(), fc.constantFrom('sig', 'msg', 'key', 'none')),
      { seed: 7, numRuns: 300 },
    ).map(([k, message, at, where]): SignatureCheck => {
      const key = keys[k]!;
      const flip = (bytes: Uint8Array): Uint8Array => {
        if (bytes.length === 0) return Uint8Array.of(1);
        const copy = bytes.slice();
        const bit = at % (bytes.length * 8);
        copy[bit >> 3] = copy[bit >> 3]! ^ (1 << (bit & 7));
        return copy;
      };
      const signature = sign('record', message, key.secretKey);
      return {
        purpose: 'record',
        signature: where === 'sig' ? flip(signature) : signature,
        message: where === 'msg' ? flip(message) : message,
        publicKey: where === 'key' ? flip(key.publicKey) : key.publicKey,
      };
    });
    const answers = await verifyAll(checks);
    expect(answers).toEqual(checks.map(one));
    expect(answers.filter(Boolean).length).toBeGreaterThan(50);
    expect(answers.filter((answer) => !answer).length).toBeGreaterThan(50);
  });

  it('refuse a malleated S, small-order and non-canonical keys, and a non-canonical R, as verify() does', async () => {
    const key = keys[0]!;
    const message = Uint8Array.of(1, 2, 3);
    const signature = sign('record', message, key.secretKey);
    const malleated = signature.slice();
    malleated.set(littleEndian(bigintOf(signature.subarray(32)) + L), 32);
    const nonCanonicalR = signature.slice();
    nonCanonicalR.set(littleEndian(2n ** 255n - 18n), 0);
    const oddKeys = [new Uint8Array(32), littleEndian(1n), littleEndian(2n ** 255n - 19n), littleEndian(2n ** 255n - 20n)];
    const checks: SignatureCheck[] = [
      { purpose: 'record', signature: malleated, message, publicKey: key.publicKey },
      { purpose: 'record', signature: nonCanonicalR, message, publicKey: key.publicKey },
      { purpose: 'record', signature: signature.subarray(0, 63), message, publicKey: key.publicKey },
      ...oddKeys.map((publicKey) => ({ purpose: 'record', signature, message, publicKey })),
    ];
    expect(await verifyAll(checks)).toEqual(checks.map(() => false));
    expect(checks.map(one)).toEqual(checks.map(() => false));
  });

  it('accept a signature only the cofactored equation holds, as verify() does, though the platform refuses it', async () => {
    const seed = new Uint8Array(32).fill(40);
    const publicKey = signingKeysFromSeed(seed).publicKey;
    const message = Uint8Array.of(9, 9);
    const signature = torsionedSignature(seed, 'record', message);
    const check = { purpose: 'record', signature, message, publicKey };
    expect(one(check)).toBe(true);
    expect(await verifyAll([check])).toEqual([true]);
    // The case this guards: Node's own Ed25519 reads the equation without the cofactor.
    const subtle = globalThis.crypto.subtle;
    const key = await subtle.importKey('raw', new Uint8Array(publicKey), { name: 'Ed25519' }, false, ['verify']);
    expect(await subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(signature), new Uint8Array(signedBytes('record', message)))).toBe(false);
  });

  it('give the answers in the order asked', async () => {
    const key = keys[1]!;
    const good = { purpose: 'record', signature: sign('record', Uint8Array.of(1), key.secretKey), message: Uint8Array.of(1), publicKey: key.publicKey };
    const bad = { ...good, message: Uint8Array.of(2) };
    expect(await verifyAll([bad, good, good, bad])).toEqual([false, true, true, false]);
    expect(await verifyAll([])).toEqual([]);
  });
});
