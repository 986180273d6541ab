/**
 * Sensitive fields inside records (contacts, addresses, court dates, alert
 * details), sealed so that only the circle's members can read them, and only
 * on an unlocked phone.
 *
 *   field key = HKDF-SHA256(circle secret, info "tally/sealed-fields/v1")
 *   sealed    = nonce (24 random bytes) || XChaCha20-Poly1305(field key, nonce, context, CBOR of the fields)
 *
 * The circle secret is what every member's phone holds inside its key envelope,
 * so with the app lock on, a phone's storage holds sealed fields and no key
 * that opens them. The context (the circle, the author and what the field is)
 * is the associated data: sealed bytes copied into another member's record or
 * into another kind fail to open instead of passing for theirs.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from './bytes';
import { decodeCbor, encodeCbor } from './cbor';
import type { CborValue } from './cbor';
import type { RandomBytes } from './crypto';
import { err, ok } from './result';
import type { Result } from './result';

const FIELD_KEY_INFO = utf8('tally/sealed-fields/v1');
const NONCE_BYTES = 24;
const TAG_BYTES = 16;

export interface SealContext {
  /** The circle id, raw bytes. */
  readonly circle: Uint8Array;
  /** The author's public key, raw bytes: the member the sealed fields belong to. */
  readonly author: Uint8Array;
  /** What is sealed, e.g. 'roster.contacts'. */
  readonly purpose: string;
}

export type OpenFieldProblem = 'damaged' | 'not-for-this-circle';

export function fieldKey(circleSecret: Uint8Array): Uint8Array {
  return hkdf(sha256, circleSecret, undefined, FIELD_KEY_INFO, 32);
}

export function sealFields(key: Uint8Array, context: SealContext, fields: CborValue, random: RandomBytes): Uint8Array {
  const nonce = random(NONCE_BYTES);
  if (nonce.length !== NONCE_BYTES) throw new RangeError('random gave the wrong number of bytes');
  return concatBytes(nonce, xchacha20poly1305(key, nonce, associatedData(context)).encrypt(encodeCbor(fields)));
}

/**
 * Opens sealed fields. Bytes too short to be sealed read 'damaged'; bytes that
 * fail authentication read 'not-for-this-circle' (sealed under another
 * circle's key, for another author or purpose, or altered): the caller says
 * so and shows the rest of the record.
 */
export function openFields(key: Uint8Array, context: SealContext, sealed: Uint8Array): Result<CborValue, OpenFieldProblem> {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) return err('damaged');
  let plain: Uint8Array;
  try {
    plain = xchacha20poly1305(key, sealed.subarray(0, NONCE_BYTES), associatedData(context)).decrypt(sealed.subarray(NONCE_BYTES));
  } catch {
    return err('not-for-this-circle');
  }
  const decoded = decodeCbor(plain);
  return decoded.ok ? ok(decoded.value) : err('damaged');
}

function associatedData(context: SealContext): Uint8Array {
  return encodeCbor(['tally/sealed-field', context.purpose, context.circle, context.author]);
}
