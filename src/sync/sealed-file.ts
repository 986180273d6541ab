/**
 * Updates sealed with the circle's key, for carriers anyone may read or keep:
 * a file sent over Bluetooth or a messenger, a USB stick, an animated code
 * filmed by a stranger. Only members (holders of the circle secret) can read
 * it, and any change to it is detected.
 *
 *   header: "TALLYSYNC" | format version (1) | circle id (16)
 *   file:   header | nonce (24) | XChaCha20-Poly1305 ciphertext of the updates
 *
 * The header is the cipher's associated data, so it cannot be swapped either.
 * The circle id is in the clear so a phone can say "this is another circle's
 * file" without trying keys; it is no secret (every record carries it).
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual, concatBytes, utf8 } from '../records/bytes';
import type { RandomBytes } from '../records/crypto';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';

export interface CircleKey {
  /** The circle id, 16 bytes. */
  readonly id: Uint8Array;
  /** The circle secret, 32 bytes. */
  readonly secret: Uint8Array;
}

const MAGIC = utf8('TALLYSYNC');
export const SEALED_FILE_VERSION = 1;
const CIRCLE_ID_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + CIRCLE_ID_BYTES;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
export const SEALED_OVERHEAD_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BYTES;
/** The replica refuses larger updates anyway (MAX_REMOTE_UPDATE_BYTES); refusing early spares the decryption. */
export const MAX_SEALED_FILE_BYTES = 32 * 1024 * 1024;
export const SEALED_FILE_EXTENSION = '.tallysync';

export type SealProblem = 'too-large';
export type OpenProblem = 'not-a-tally-file' | 'unsupported-version' | 'other-circle' | 'damaged' | 'too-large';

function sealingKey(circle: CircleKey): Uint8Array {
  return hkdf(sha256, circle.secret, circle.id, utf8('tally/sealed-updates/v1'), 32);
}

function header(circleId: Uint8Array): Uint8Array {
  return concatBytes(MAGIC, Uint8Array.of(SEALED_FILE_VERSION), circleId);
}

export function sealUpdates(circle: CircleKey, updates: Uint8Array, random: RandomBytes): Result<Uint8Array, SealProblem> {
  if (circle.id.length !== CIRCLE_ID_BYTES) throw new RangeError('a circle id is 16 bytes');
  if (updates.length + SEALED_OVERHEAD_BYTES > MAX_SEALED_FILE_BYTES) return err('too-large');
  const head = header(circle.id);
  // A random 24-byte nonce never repeats in practice, so one key may seal any number of files.
  const nonce = random(NONCE_BYTES);
  if (nonce.length !== NONCE_BYTES) throw new RangeError('random gave the wrong number of bytes');
  const ciphertext = xchacha20poly1305(sealingKey(circle), nonce, head).encrypt(updates);
  return ok(concatBytes(head, nonce, ciphertext));
}

/**
 * Cheap checks first (magic, size, version, circle), so a foreign or oversized
 * file costs no cryptography; then the authentication, which catches every
 * truncation and bit flip past the header.
 */
export function openSealedUpdates(circle: CircleKey, bytes: Uint8Array): Result<Uint8Array, OpenProblem> {
  const magicPart = bytes.subarray(0, MAGIC.length);
  if (!bytesEqual(magicPart, MAGIC.subarray(0, magicPart.length))) return err('not-a-tally-file');
  // Nothing at all, or the start of our magic only: a truncated file of ours is the likely story only for the latter.
  if (bytes.length === 0) return err('not-a-tally-file');
  if (bytes.length > MAX_SEALED_FILE_BYTES) return err('too-large');
  if (bytes.length <= MAGIC.length) return err('damaged');
  if (bytes[MAGIC.length] !== SEALED_FILE_VERSION) return err('unsupported-version');
  if (bytes.length < HEADER_BYTES) return err('damaged');
  if (!bytesEqual(bytes.subarray(MAGIC.length + 1, HEADER_BYTES), circle.id)) return err('other-circle');
  if (bytes.length < SEALED_OVERHEAD_BYTES) return err('damaged');
  const nonce = bytes.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
  try {
    return ok(xchacha20poly1305(sealingKey(circle), nonce, bytes.subarray(0, HEADER_BYTES)).decrypt(bytes.subarray(HEADER_BYTES + NONCE_BYTES)));
  } catch {
    return err('damaged');
  }
}

function slug(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return plain === '' ? 'circle' : plain;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * "tally-<slug>-<yyyy-mm-dd>.tallysync", with the member's local date: the day
 * they will look for in a list of files. Only ASCII letters, digits and dashes,
 * which every file system and messenger keeps as they are.
 */
export function exportFileName(circleName: string, now: Date): string {
  const date = `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
  return `tally-${slug(circleName)}-${date}${SEALED_FILE_EXTENSION}`;
}
