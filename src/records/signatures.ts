/**
 * Ed25519 signatures: making them and checking them. Every phone verifies
 * with this one library and one rule (RFC 8032 strict decoding, not ZIP-215),
 * so a crafted signature cannot be valid on one phone and not another.
 *
 * Opening the app needs none of this: records in this phone's archive were
 * verified before they went in and are re-read without their signatures. So
 * only code that loads after the first screen imports this file (make.ts,
 * verify-record.ts, sync, joining), and the first load is smaller by the
 * curve arithmetic. Parsers of record kinds never import it: they take a
 * SignatureGate and a KeyGate (crypto.ts) as arguments.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from './bytes';
import { KEY_BYTES, SIGNATURE_BYTES, signedBytes } from './crypto';
import type { SigningKeys } from './crypto';

export function signingKeysFromSeed(seed: Uint8Array): SigningKeys {
  if (seed.length !== KEY_BYTES) throw new RangeError('a signing seed is 32 bytes');
  return { secretKey: seed, publicKey: ed25519.getPublicKey(seed) };
}

export function sign(purpose: string, message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed25519.sign(signedBytes(purpose, message), secretKey);
}

type Point = InstanceType<typeof ed25519.Point>;

/**
 * Decoded member keys, each with a small table of its multiples: a circle's
 * records come from a few hundred keys, and with the table a check takes
 * less than half the time. A key that fails to decode is remembered as such.
 */
const keyPoints = new Map<string, Point | null>();
const KEY_CACHE_SIZE = 512;
const KEY_WINDOW = 4;

function keyPoint(publicKey: Uint8Array): Point | null {
  const cacheKey = String.fromCharCode(...publicKey);
  const cached = keyPoints.get(cacheKey);
  if (cached !== undefined) return cached;
  let point: Point | null;
  try {
    const decoded = ed25519.Point.fromBytes(publicKey, false);
    point = decoded.isSmallOrder() ? null : decoded.precompute(KEY_WINDOW, false);
  } catch {
    point = null;
  }
  if (keyPoints.size >= KEY_CACHE_SIZE) keyPoints.delete(keyPoints.keys().next().value!);
  keyPoints.set(cacheKey, point);
  return point;
}

/**
 * Ed25519 verification with RFC 8032's strict decoding and the cofactored
 * equation [8]([S]B) = [8]R + [8][k]A, exactly as @noble/curves' verify with
 * zip215: false (a property test holds the two to the same answers), computed
 * with that library's own point arithmetic; only the decoded key is reused.
 */
export function verify(purpose: string, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== KEY_BYTES) return false;
  const A = keyPoint(publicKey);
  if (A === null) return false;
  const rBytes = signature.subarray(0, 32);
  try {
    const R = ed25519.Point.fromBytes(rBytes, false);
    // multiplyUnsafe refuses S >= L: a signature with a malleated S does not verify.
    const SB = ed25519.Point.BASE.multiplyUnsafe(bytesToNumberLE(signature.subarray(32)));
    const k = ed25519.Point.Fn.create(bytesToNumberLE(sha512(concatBytes(rBytes, publicKey, signedBytes(purpose, message)))));
    return R.add(A.multiplyUnsafe(k)).subtract(SB).clearCofactor().is0();
  } catch {
    return false;
  }
}

/** The group order L: a signature's S must be below it (RFC 8032's strict rule). */
const GROUP_ORDER = ed25519.Point.Fn.ORDER;

/**
 * The parts of RFC 8032's strict rule that another verifier might read more
 * loosely: a canonical member key outside the small subgroup, and S below L.
 * With these checked here, any signature a standard verifier accepts is one
 * verify() accepts as well.
 */
export function passesStrictEncoding(signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== KEY_BYTES) return false;
  return keyPoint(publicKey) !== null && bytesToNumberLE(signature.subarray(32)) < GROUP_ORDER;
}

/** The library's own verification, for the property test that keeps verify above identical to it. */
export function verifyByLibrary(purpose: string, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== KEY_BYTES) return false;
  try {
    return ed25519.verify(signature, signedBytes(purpose, message), publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * A member key must be a canonical point outside the small subgroup: such keys
 * verify "signatures" that their owner never made.
 */
export function isAcceptableSigningKey(publicKey: Uint8Array): boolean {
  if (publicKey.length !== KEY_BYTES) return false;
  try {
    const point = ed25519.Point.fromBytes(publicKey, false);
    return !point.isSmallOrder();
  } catch {
    return false;
  }
}
