/**
 * How the secrets of one circle membership are kept on the phone: the member's
 * signing and box seeds and the circle secret, as one opaque sealed blob.
 * Without the app lock the blob is stored as is ('plain'); with it, the same
 * bytes are stored encrypted under a key derived from the member's passphrase
 * ('passphrase', see passphrase.ts), with the derivation's parameters beside
 * the ciphertext, by rewriting only this envelope.
 */
import { decodeCbor, encodeCbor } from '../records/cbor';
import type { CborValue } from '../records/cbor';
import { KEY_BYTES } from '../records/crypto';

export interface MembershipSecrets {
  readonly signingSeed: Uint8Array;
  readonly boxSeed: Uint8Array;
  /** Absent while a join request waits for its welcome. */
  readonly circleSecret: Uint8Array | null;
}

export interface PlainEnvelope {
  readonly scheme: 'plain';
  readonly version: 1;
  readonly secrets: Uint8Array;
}

/**
 * PBKDF2-HMAC-SHA256, from the platform's WebCrypto. The parameters are stored
 * so that a later version can raise the count (or move to Argon2id, a new
 * member of KdfParams) and still open what older versions wrote.
 */
export interface Pbkdf2Params {
  readonly name: 'pbkdf2-sha256';
  readonly iterations: number;
  readonly salt: Uint8Array;
}

/**
 * Opening an envelope refuses more than this: a damaged count must not hang the
 * phone for hours. Five times the default (passphrase.ts) leaves years of room to raise it.
 */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
const MAX_SALT_BYTES = 64;

/** Key derivations a passphrase envelope may name; Argon2id would join as `{ name: 'argon2id', ... }`. */
export type KdfParams = Pbkdf2Params;

/** The plain envelope's `secrets`, XChaCha20-Poly1305-encrypted under a passphrase-derived key. */
export interface PassphraseEnvelope {
  readonly scheme: 'passphrase';
  readonly version: 1;
  readonly kdf: KdfParams;
  readonly nonce: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** New schemes join this union without touching stored envelopes of the older ones. */
export type KeyEnvelope = PlainEnvelope | PassphraseEnvelope;

export function sealSecrets(secrets: MembershipSecrets): PlainEnvelope {
  return {
    scheme: 'plain',
    version: 1,
    secrets: encodeCbor([secrets.signingSeed, secrets.boxSeed, secrets.circleSecret]),
  };
}

export type EnvelopeOpenProblem = 'locked' | 'damaged';

export function openSecrets(envelope: KeyEnvelope): MembershipSecrets | EnvelopeOpenProblem {
  if (envelope.scheme !== 'plain') return 'locked';
  const decoded = decodeCbor(envelope.secrets);
  if (!decoded.ok || !Array.isArray(decoded.value) || decoded.value.length !== 3) return 'damaged';
  const [signingSeed, boxSeed, circleSecret] = decoded.value as readonly CborValue[];
  if (!isKey(signingSeed) || !isKey(boxSeed) || !(circleSecret === null || isKey(circleSecret))) return 'damaged';
  return { signingSeed, boxSeed, circleSecret };
}

function isKey(value: CborValue | undefined): value is Uint8Array {
  return value instanceof Uint8Array && value.length === KEY_BYTES;
}

/** Parameters read back from storage that a derivation can run on in bounded time. */
export function isSoundKdf(kdf: unknown): kdf is KdfParams {
  if (typeof kdf !== 'object' || kdf === null) return false;
  const { name, iterations, salt } = kdf as Partial<Record<keyof KdfParams, unknown>>;
  return (
    name === 'pbkdf2-sha256' &&
    typeof iterations === 'number' &&
    Number.isSafeInteger(iterations) &&
    iterations >= 1 &&
    iterations <= MAX_PBKDF2_ITERATIONS &&
    salt instanceof Uint8Array &&
    salt.length >= SALT_BYTES &&
    salt.length <= MAX_SALT_BYTES
  );
}
