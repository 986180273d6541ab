/**
 * The membership handshake that opens every sync session. Each side sends a
 * hello (protocol version, a tag only holders of the circle secret can make, a
 * fresh nonce, its member key, and optionally its own admission record for a
 * peer that has not seen it yet), then a proof: its signature over both hellos,
 * and a MAC with a key from the circle secret. Because each proof covers the
 * other side's fresh nonce, a recorded handshake cannot be replayed. No circle
 * data flows until both proofs check out.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeCbor, encodeCbor } from '../records/cbor';
import type { CborValue } from '../records/cbor';
import { bytesEqual, concatBytes, utf8 } from '../records/bytes';
import { KEY_BYTES, SIGNATURE_BYTES } from '../records/crypto';
import { sign, verify } from '../records/signatures';
import type { SigningKeys } from '../records/crypto';
import { MAX_RECORD_BYTES } from '../records/envelope';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';

export const PROTOCOL_VERSION = 1;
const TAG_BYTES = 16;
const NONCE_BYTES = 32;

export interface CircleKeys {
  readonly id: Uint8Array;
  readonly secret: Uint8Array;
}

export interface Hello {
  readonly bytes: Uint8Array;
  readonly tag: Uint8Array;
  readonly nonce: Uint8Array;
  readonly memberKey: Uint8Array;
  readonly admission: Uint8Array | null;
}

export type HelloProblem = 'malformed' | 'other-version' | 'other-circle';

function derive(circle: CircleKeys, info: string, length: number): Uint8Array {
  return hkdf(sha256, circle.secret, circle.id, utf8(info), length);
}

export function circleTag(circle: CircleKeys): Uint8Array {
  return derive(circle, 'tally/sync/circle-tag/v1', TAG_BYTES);
}

export function makeHello(circle: CircleKeys, me: Uint8Array, nonce: Uint8Array, admission: Uint8Array | null): Hello {
  const bytes = encodeCbor([PROTOCOL_VERSION, circleTag(circle), nonce, me, admission]);
  return { bytes, tag: circleTag(circle), nonce, memberKey: me, admission };
}

export function parseHello(bytes: Uint8Array, circle: CircleKeys): Result<Hello, HelloProblem> {
  if (bytes.length > MAX_RECORD_BYTES + 256) return err('malformed');
  const decoded = decodeCbor(bytes);
  if (!decoded.ok || !Array.isArray(decoded.value) || decoded.value.length !== 5) return err('malformed');
  const [version, tag, nonce, memberKey, admission] = decoded.value as readonly CborValue[];
  if (version !== PROTOCOL_VERSION) return err(typeof version === 'number' ? 'other-version' : 'malformed');
  if (!(tag instanceof Uint8Array) || !(nonce instanceof Uint8Array) || !(memberKey instanceof Uint8Array)) return err('malformed');
  if (nonce.length !== NONCE_BYTES || memberKey.length !== KEY_BYTES) return err('malformed');
  if (!(admission === null || admission instanceof Uint8Array)) return err('malformed');
  if (!bytesEqual(tag, circleTag(circle))) return err('other-circle');
  return ok({ bytes, tag, nonce, memberKey, admission });
}

function transcript(first: Hello, second: Hello): Uint8Array {
  return sha256(concatBytes(utf8('tally/sync/transcript/v1\u0000'), first.bytes, second.bytes));
}

/** My proof: my signature and the circle MAC over (my hello, their hello). */
export function makeProof(circle: CircleKeys, me: SigningKeys, mine: Hello, theirs: Hello): Uint8Array {
  const digest = transcript(mine, theirs);
  return encodeCbor([sign('sync-handshake', digest, me.secretKey), hmac(sha256, derive(circle, 'tally/sync/mac/v1', 32), digest)]);
}

export type ProofProblem = 'malformed' | 'bad-proof';

/** Checks their proof, which they made over (their hello, my hello). */
export function checkProof(circle: CircleKeys, proof: Uint8Array, mine: Hello, theirs: Hello): Result<void, ProofProblem> {
  const decoded = decodeCbor(proof);
  if (!decoded.ok || !Array.isArray(decoded.value) || decoded.value.length !== 2) return err('malformed');
  const [signature, mac] = decoded.value as readonly CborValue[];
  if (!(signature instanceof Uint8Array) || signature.length !== SIGNATURE_BYTES || !(mac instanceof Uint8Array)) return err('malformed');
  const digest = transcript(theirs, mine);
  if (!bytesEqual(mac, hmac(sha256, derive(circle, 'tally/sync/mac/v1', 32), digest))) return err('bad-proof');
  if (!verify('sync-handshake', signature, digest, theirs.memberKey)) return err('bad-proof');
  return ok(undefined);
}
