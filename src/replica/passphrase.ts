/**
 * The app lock's key envelope: the plain envelope's secrets encrypted under a
 * key derived from the member's passphrase, so a lost or seized phone's
 * storage holds no usable key.
 *
 *   derived  = PBKDF2-HMAC-SHA256(NFC(passphrase), salt (16 random bytes), iterations), 32 bytes
 *   wrapping = HKDF-SHA256(derived, info "tally/key-envelope/wrap/v1")
 *   sealing  = HKDF-SHA256(derived, info "tally/sealed-fields/v1")
 *   envelope = scheme, version, kdf parameters, nonce (24 random bytes),
 *              XChaCha20-Poly1305(wrapping, nonce, associated data, secrets)
 *
 * The associated data is the canonical CBOR of the scheme, version and every
 * kdf parameter, so an envelope whose iteration count (or salt, or scheme) was
 * altered fails to open rather than opening under weaker terms.
 *
 * PBKDF2 comes from WebCrypto because the platform's native code runs it
 * several times faster than JavaScript can, and each extra iteration the phone
 * affords is one more the attacker must pay per guess. Only 32 bytes are drawn
 * from it: asking PBKDF2 for 64 would make the phone run it twice while an
 * attacker checking a guess needs only the first block, so the two keys are
 * expanded from one block by HKDF instead.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../records/bytes';
import { encodeCbor } from '../records/cbor';
import type { RandomBytes } from '../records/crypto';
import { openSecrets } from './key-envelope';
import { isSoundKdf, MAX_PBKDF2_ITERATIONS, SALT_BYTES } from './key-envelope';
import type { KdfParams, PassphraseEnvelope, PlainEnvelope } from './key-envelope';
import type { LockCipher } from './keyring';

/** OWASP's 2023 minimum for PBKDF2-HMAC-SHA256: no envelope is locked with fewer. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/**
 * What a new lock uses: over three times the minimum, because the minimum took about
 * 160 ms in Chromium here (the unlock bench), well under the 300 ms a member
 * hardly notices, and each iteration the phone affords costs an attacker the same
 * on every guess. A slow phone takes a few times longer, still under two seconds.
 */
export const PBKDF2_ITERATIONS = 2_000_000;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Three 32-byte keys in CBOR are ~103 bytes; anything far larger is not ours. */
const MAX_CIPHERTEXT_BYTES = 1024;
const WRAP_INFO = utf8('tally/key-envelope/wrap/v1');
const SEALING_INFO = utf8('tally/sealed-fields/v1');

export type UnlockProblem = 'wrong-passphrase' | 'damaged';

export interface Locked {
  readonly envelope: PassphraseEnvelope;
  readonly sealingKey: Uint8Array;
}

export interface Unlocked {
  readonly plain: PlainEnvelope;
  readonly sealingKey: Uint8Array;
}

/** Test code only: lets a suite lock with fewer iterations than the floor, to stay fast. */
export interface WeakIterationsForTests {
  readonly allowWeakIterationsForTests: true;
}

/**
 * The passphrase as it is derived from: NFC, so the same words typed on two
 * keyboards (a precomposed "ñ" or "n" plus a combining tilde) give the same key.
 * Null for an empty passphrase, which the lock refuses.
 */
export function normalizePassphrase(passphrase: string): string | null {
  const normalized = passphrase.normalize('NFC');
  return normalized.length === 0 ? null : normalized;
}

/**
 * What one passphrase derivation gives: the key that encrypts envelopes and the
 * key that seals fields, with the parameters they came from. The app keeps one
 * in memory while unlocked, so every membership on the phone (and one joined
 * later) is locked under the same derivation and opening them all costs one.
 */
export interface LockKey {
  readonly kdf: KdfParams;
  readonly wrapping: Uint8Array;
  readonly sealing: Uint8Array;
}

/** Fresh derivation parameters (a new salt); rejects fewer than MIN_PBKDF2_ITERATIONS unless a test asks. */
export function newLockKdf(random: RandomBytes, iterations = PBKDF2_ITERATIONS, testOnly?: WeakIterationsForTests): KdfParams {
  const floor = testOnly?.allowWeakIterationsForTests === true ? 1 : MIN_PBKDF2_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < floor || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be between ${floor} and ${MAX_PBKDF2_ITERATIONS}, got ${iterations}`);
  }
  return { name: 'pbkdf2-sha256', iterations, salt: randomBytes(random, SALT_BYTES) };
}

/** The slow step: derives the lock key from a passphrase. Rejects an empty passphrase. */
export async function deriveLockKey(passphrase: string, kdf: KdfParams): Promise<LockKey> {
  const normalized = normalizePassphrase(passphrase);
  if (normalized === null) throw new RangeError('the passphrase is empty');
  return { kdf, ...(await deriveKeys(normalized, kdf)) };
}

/** Encrypts a plain envelope under a lock key, with a fresh nonce: fast, no derivation. */
export function sealWithLockKey(plain: PlainEnvelope, key: LockKey, random: RandomBytes): PassphraseEnvelope {
  if (plain.scheme !== 'plain' || typeof openSecrets(plain) === 'string') throw new RangeError('only a sound plain envelope can be locked');
  const nonce = randomBytes(random, NONCE_BYTES);
  const ciphertext = xchacha20poly1305(key.wrapping, nonce, associatedData(key.kdf)).encrypt(plain.secrets);
  return { scheme: 'passphrase', version: 1, kdf: key.kdf, nonce, ciphertext };
}

/**
 * Opens an envelope with a lock key already derived. An envelope locked under
 * other parameters, a wrong key and an altered envelope all read
 * 'wrong-passphrase'; one that is not even well formed reads 'damaged'.
 */
export function openWithLockKey(envelope: PassphraseEnvelope, key: LockKey): PlainEnvelope | UnlockProblem {
  // Storage is ours, but a damaged or older row must read as damaged, not throw.
  if (!isWellFormed(envelope)) return 'damaged';
  let secrets: Uint8Array;
  try {
    // The envelope's own parameters go into the associated data: a key derived under others fails here.
    secrets = xchacha20poly1305(key.wrapping, envelope.nonce, associatedData(envelope.kdf)).decrypt(envelope.ciphertext);
  } catch {
    return 'wrong-passphrase';
  }
  const plain: PlainEnvelope = { scheme: 'plain', version: 1, secrets };
  // Authentic yet unreadable: only a bug of ours could have locked it so.
  return typeof openSecrets(plain) === 'string' ? 'damaged' : plain;
}

/** The lock key as the keyring uses it while the app is unlocked. */
export function lockCipher(key: LockKey): LockCipher {
  return {
    seal: (plain, random) => sealWithLockKey(plain, key, random),
    open: (envelope) => openWithLockKey(envelope, key),
    sealingKey: key.sealing,
    forget: () => forgetLockKey(key),
  };
}

/** Zeroes a lock key's bytes once the app locks: what stays in memory should be nothing. */
export function forgetLockKey(key: LockKey): void {
  key.wrapping.fill(0);
  key.sealing.fill(0);
}

/** Locks a plain envelope; rejects an empty passphrase, a damaged envelope, or fewer than MIN_PBKDF2_ITERATIONS. */
export async function lockEnvelope(
  plain: PlainEnvelope,
  passphrase: string,
  random: RandomBytes,
  iterations = PBKDF2_ITERATIONS,
  testOnly?: WeakIterationsForTests,
): Promise<PassphraseEnvelope> {
  return (await lockWithSealingKey(plain, passphrase, random, iterations, testOnly)).envelope;
}

/** As lockEnvelope, also giving the sealing key, so setting the lock can seal fields without a second derivation. */
export async function lockWithSealingKey(
  plain: PlainEnvelope,
  passphrase: string,
  random: RandomBytes,
  iterations = PBKDF2_ITERATIONS,
  testOnly?: WeakIterationsForTests,
): Promise<Locked> {
  if (normalizePassphrase(passphrase) === null) throw new RangeError('the passphrase is empty');
  const kdf = newLockKdf(random, iterations, testOnly);
  if (plain.scheme !== 'plain' || typeof openSecrets(plain) === 'string') throw new RangeError('only a sound plain envelope can be locked');
  const key = await deriveLockKey(passphrase, kdf);
  const envelope = sealWithLockKey(plain, key, random);
  key.wrapping.fill(0);
  return { envelope, sealingKey: key.sealing };
}

/**
 * Opens a passphrase envelope. A wrong passphrase and an altered ciphertext,
 * nonce, salt or iteration count all fail the same authentication and read
 * 'wrong-passphrase'; an envelope that is not even well formed reads 'damaged'.
 */
export async function unlockEnvelope(envelope: PassphraseEnvelope, passphrase: string): Promise<PlainEnvelope | UnlockProblem> {
  const unlocked = await unlockWithSealingKey(envelope, passphrase);
  return typeof unlocked === 'string' ? unlocked : unlocked.plain;
}

/**
 * As unlockEnvelope, also giving the key that seals sensitive fields (contacts,
 * addresses, court dates). It is kept apart from the secrets in the envelope:
 *   - it is derived from the passphrase, not from the membership's keys, so a
 *     copy of those keys from before the lock was set (a plain envelope that
 *     flash storage has not yet physically erased) opens no sealed field;
 *   - the wrapping key encrypts one thing only, the envelope under its own
 *     associated data, so no field ciphertext can pass for an envelope or the
 *     reverse.
 * A new passphrase or raised parameters (and so a new salt) give a new sealing
 * key: whoever rewrites the envelope re-seals the fields in the same step.
 */
export async function unlockWithSealingKey(envelope: PassphraseEnvelope, passphrase: string): Promise<Unlocked | UnlockProblem> {
  if (!isWellFormed(envelope)) return 'damaged';
  // No envelope was ever locked with an empty passphrase.
  if (normalizePassphrase(passphrase) === null) return 'wrong-passphrase';
  const key = await deriveLockKey(passphrase, envelope.kdf);
  const plain = openWithLockKey(envelope, key);
  key.wrapping.fill(0);
  if (typeof plain === 'string') {
    key.sealing.fill(0);
    return plain;
  }
  return { plain, sealingKey: key.sealing };
}

/** False once the envelope's derivation is weaker than what locking uses today: time to rewrite it at the next unlock. */
export function isKdfCurrent(envelope: PassphraseEnvelope, iterations = PBKDF2_ITERATIONS): boolean {
  return envelope.kdf.name === 'pbkdf2-sha256' && envelope.kdf.iterations >= iterations;
}

function associatedData(kdf: KdfParams): Uint8Array {
  return encodeCbor(['tally/key-envelope', 'passphrase', 1, kdf.name, kdf.iterations, kdf.salt]);
}

async function deriveKeys(passphrase: string, kdf: KdfParams): Promise<{ wrapping: Uint8Array; sealing: Uint8Array }> {
  // Copies into fresh ArrayBuffers: WebCrypto takes no views of shared memory.
  const secret = new Uint8Array(utf8(passphrase));
  const material = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  secret.fill(0);
  const derived = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(kdf.salt), iterations: kdf.iterations },
      material,
      KEY_BYTES * 8,
    ),
  );
  try {
    return {
      wrapping: hkdf(sha256, derived, undefined, WRAP_INFO, KEY_BYTES),
      sealing: hkdf(sha256, derived, undefined, SEALING_INFO, KEY_BYTES),
    };
  } finally {
    derived.fill(0);
  }
}

function randomBytes(random: RandomBytes, length: number): Uint8Array {
  const bytes = random(length);
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) throw new RangeError('random gave the wrong number of bytes');
  return bytes;
}

function isWellFormed(envelope: unknown): envelope is PassphraseEnvelope {
  if (typeof envelope !== 'object' || envelope === null) return false;
  const { scheme, version, kdf, nonce, ciphertext } = envelope as Partial<Record<keyof PassphraseEnvelope, unknown>>;
  return (
    scheme === 'passphrase' &&
    version === 1 &&
    isSoundKdf(kdf) &&
    nonce instanceof Uint8Array &&
    nonce.length === NONCE_BYTES &&
    ciphertext instanceof Uint8Array &&
    ciphertext.length >= TAG_BYTES &&
    ciphertext.length <= MAX_CIPHERTEXT_BYTES
  );
}
