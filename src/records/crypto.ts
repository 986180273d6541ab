/**
 * Hashing and signatures: what every record passes through. Every phone
 * verifies signatures with this one library and one rule (RFC 8032 strict
 * decoding, not ZIP-215), so a crafted signature cannot be valid on one phone
 * and not another. Sealing to a key (X25519) lives in seal.ts, loaded only by
 * the screens that need it.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from './bytes';

export const KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

/** Randomness is passed in so that the synthetic circle and tests are reproducible. */
export type RandomBytes = (length: number) => Uint8Array;

export function hash(bytes: Uint8Array): Uint8Array {
  return sha256(bytes);
}

export interface SigningKeys {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

export function signingKeysFromSeed(seed: Uint8Array): SigningKeys {
  if (seed.length !== KEY_BYTES) throw new RangeError('a signing seed is 32 bytes');
  return { secretKey: seed, publicKey: ed25519.getPublicKey(seed) };
}

/**
 * Each signed thing names its purpose in the signed bytes, so a signature made
 * for one purpose (a join request) can never be replayed as another (a record).
 */
function domainSeparated(purpose: string, message: Uint8Array): Uint8Array {
  return concatBytes(utf8(`tally/${purpose}/v1\u0000`), message);
}

export function sign(purpose: string, message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed25519.sign(domainSeparated(purpose, message), secretKey);
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
    const k = ed25519.Point.Fn.create(bytesToNumberLE(sha512(concatBytes(rBytes, publicKey, domainSeparated(purpose, message)))));
    return R.add(A.multiplyUnsafe(k)).subtract(SB).clearCofactor().is0();
  } catch {
    return false;
  }
}

/**
 * What a parser does with a signature it finds inside a body (an exchange's
 * draft, a tool's handoff offer): check it now, take it as checked (a record
 * this phone verified before), or note it for a batch checked later
 * (verify-batch.ts). Returning false rejects the record.
 */
export type SignatureGate = (purpose: string, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/** For bytes this phone checked before and kept: its own drafts, its archive. */
export const alreadyChecked: SignatureGate = () => true;

/** The bytes a signature for this purpose covers, for verifiers other than verify() above. */
export function signedBytes(purpose: string, message: Uint8Array): Uint8Array {
  return domainSeparated(purpose, message);
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
    return ed25519.verify(signature, domainSeparated(purpose, message), publicKey, { zip215: false });
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

/**
 * The X25519 public keys of small order (libsodium's list): a box "sealed" to
 * one of them has a shared secret anyone can compute. X25519 ignores the top
 * bit, so it is ignored here too. Checking against the list keeps X25519
 * itself out of the code every record passes through.
 */
const LOW_ORDER_BOX_KEYS: readonly Uint8Array[] = (() => {
  const p = 2n ** 255n - 19n;
  const values = [
    0n,
    1n,
    325606250916557431795983626356110631294008115727848805560023387167927233504n,
    39382357235489614581723060781553021112529911719440698176882885853963445705823n,
    p - 1n,
    p,
    p + 1n,
  ];
  return values.map((value) => {
    const bytes = new Uint8Array(KEY_BYTES);
    for (let i = 0; i < KEY_BYTES; i++) bytes[i] = Number((value >> BigInt(8 * i)) & 0xffn);
    return bytes;
  });
})();

export function isAcceptableBoxKey(publicKey: Uint8Array): boolean {
  if (publicKey.length !== KEY_BYTES) return false;
  return !LOW_ORDER_BOX_KEYS.some((bad) => bad.every((byte, i) => byte === (i === KEY_BYTES - 1 ? publicKey[i]! & 0x7f : publicKey[i])));
}
