/**
 * The only place that touches cryptographic primitives. Every phone verifies
 * signatures with this one library and one rule (RFC 8032 strict decoding, not
 * ZIP-215), so a crafted signature cannot be valid on one phone and not another.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { concatBytes, utf8 } from './bytes';

export const KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const SEAL_OVERHEAD_BYTES = 32 + 16;

/** Randomness is passed in so that the synthetic circle and tests are reproducible. */
export type RandomBytes = (length: number) => Uint8Array;

export function hash(bytes: Uint8Array): Uint8Array {
  return sha256(bytes);
}

export interface SigningKeys {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

export interface BoxKeys {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

export function signingKeysFromSeed(seed: Uint8Array): SigningKeys {
  if (seed.length !== KEY_BYTES) throw new RangeError('a signing seed is 32 bytes');
  return { secretKey: seed, publicKey: ed25519.getPublicKey(seed) };
}

export function boxKeysFromSeed(seed: Uint8Array): BoxKeys {
  if (seed.length !== KEY_BYTES) throw new RangeError('a box seed is 32 bytes');
  return { secretKey: seed, publicKey: x25519.getPublicKey(seed) };
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

export function verify(purpose: string, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
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

export function isAcceptableBoxKey(publicKey: Uint8Array): boolean {
  if (publicKey.length !== KEY_BYTES) return false;
  // An all-zero shared secret reveals a low-order key; test with a fixed scalar.
  try {
    const shared = x25519.getSharedSecret(FIXED_PROBE_SCALAR, publicKey);
    return shared.some((b) => b !== 0);
  } catch {
    return false;
  }
}
const FIXED_PROBE_SCALAR = new Uint8Array(32).fill(7);

function sealKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephemeralPublic, recipientPublic), utf8('tally/seal/v1'), 32);
}

/**
 * Seals a message to one recipient's X25519 key with a fresh ephemeral key.
 * The derived key is used once, so a fixed nonce is safe and saves 12 bytes in
 * a code that must stay small enough to scan.
 */
export function sealTo(recipientPublic: Uint8Array, plaintext: Uint8Array, random: RandomBytes): Uint8Array {
  const ephemeral = boxKeysFromSeed(random(KEY_BYTES));
  const shared = x25519.getSharedSecret(ephemeral.secretKey, recipientPublic);
  const key = sealKey(shared, ephemeral.publicKey, recipientPublic);
  const ciphertext = chacha20poly1305(key, new Uint8Array(12)).encrypt(plaintext);
  return concatBytes(ephemeral.publicKey, ciphertext);
}

/** Returns null when the box was not sealed to this key or was altered. */
export function openSealed(recipient: BoxKeys, sealed: Uint8Array): Uint8Array | null {
  if (sealed.length < SEAL_OVERHEAD_BYTES) return null;
  const ephemeralPublic = sealed.subarray(0, KEY_BYTES);
  try {
    const shared = x25519.getSharedSecret(recipient.secretKey, ephemeralPublic);
    if (shared.every((b) => b === 0)) return null;
    const key = sealKey(shared, ephemeralPublic, recipient.publicKey);
    return chacha20poly1305(key, new Uint8Array(12)).decrypt(sealed.subarray(KEY_BYTES));
  } catch {
    return null;
  }
}
