/**
 * Hashing, key sizes and the gates parsers pass signatures and keys through:
 * what every record passes through, including each time the app opens.
 * Making and checking Ed25519 signatures is in signatures.ts, which the first
 * screen does not load (stored records are re-read without their
 * signatures); sealing to a key (X25519) is in seal.ts, loaded only by the
 * screens that need it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
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

/**
 * The bytes a signature for this purpose covers. Each signed thing names its
 * purpose in the signed bytes, so a signature made for one purpose (a join
 * request) can never be replayed as another (a record).
 */
export function signedBytes(purpose: string, message: Uint8Array): Uint8Array {
  return concatBytes(utf8(`tally/${purpose}/v1\u0000`), message);
}

/**
 * What a parser does with a signature it finds inside a body (an exchange's
 * draft, a tool's handoff offer): check it now (signatures.ts, verify), take
 * it as checked (a record this phone verified before), or note it for a batch
 * checked later (verify-batch.ts). Returning false rejects the record.
 */
export type SignatureGate = (purpose: string, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/** For bytes this phone checked before and kept: its own drafts, its archive. */
export const alreadyChecked: SignatureGate = () => true;

/**
 * What a parser does with a member key a record admits: check that it is one
 * signatures can be trusted from (signatures.ts, isAcceptableSigningKey), or
 * take it as checked, in a record this phone verified before.
 */
export type KeyGate = (publicKey: Uint8Array) => boolean;

/** For keys in records this phone checked before and kept. */
export const keyAlreadyChecked: KeyGate = () => true;

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
