/**
 * Sealing a message to one person's X25519 key: how a welcome carries the
 * circle secret to a newcomer without ever showing it in the clear.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from './bytes';
import { KEY_BYTES } from './crypto';
import type { RandomBytes } from './crypto';

export const SEAL_OVERHEAD_BYTES = 32 + 16;

export interface BoxKeys {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

export function boxKeysFromSeed(seed: Uint8Array): BoxKeys {
  if (seed.length !== KEY_BYTES) throw new RangeError('a box seed is 32 bytes');
  return { secretKey: seed, publicKey: x25519.getPublicKey(seed) };
}

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
