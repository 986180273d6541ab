/**
 * The signed record format. On the wire a record is the canonical CBOR array
 * [payload bytes, [signature, ...]]; the payload is itself a canonical CBOR map:
 *   0: format version   1: kind code   2: circle id (16 bytes)
 *   3: author key (32)  4: time (ms)   5: body (a map whose keys the kind defines)
 * Signatures cover the payload bytes exactly as received. A record's id is the
 * SHA-256 of the whole record, so the same record arriving twice is one record.
 */
import { decodeCbor, encodeCbor } from './cbor';
import type { CborMap, CborValue } from './cbor';
import { bytesField, hasOnlyKeys, isCborMap, mapField, uintField } from './fields';
import { hash, KEY_BYTES, SIGNATURE_BYTES } from './crypto';
import { toBase64Url } from './bytes';
import { err, ok } from './result';
import type { Result } from './result';

export const RECORD_FORMAT_VERSION = 1;
export const CIRCLE_ID_BYTES = 16;
/** Every phone carries every record: one record may not be larger than this. */
export const MAX_RECORD_BYTES = 48 * 1024;
export const SIGNATURE_PURPOSE = 'record';
/** Records claiming a time outside this window are malformed (2020-01-01 to 2200-01-01 UTC). */
export const EARLIEST_RECORD_TIME = Date.UTC(2020, 0, 1);
export const LATEST_RECORD_TIME = Date.UTC(2200, 0, 1);

const enum PayloadKey {
  Version = 0,
  Kind = 1,
  Circle = 2,
  Author = 3,
  At = 4,
  Body = 5,
}
const PAYLOAD_KEYS = [PayloadKey.Version, PayloadKey.Kind, PayloadKey.Circle, PayloadKey.Author, PayloadKey.At, PayloadKey.Body];

export interface Payload {
  readonly kindCode: number;
  readonly circle: Uint8Array;
  readonly author: Uint8Array;
  readonly at: number;
  readonly body: CborMap;
}

export interface Envelope {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly payloadBytes: Uint8Array;
  readonly payload: Payload;
  readonly signatures: readonly Uint8Array[];
}

export type EnvelopeProblem =
  | 'too-large'
  | 'malformed'
  | 'unsupported-version';

export function encodePayload(payload: Payload): Uint8Array {
  return encodeCbor(
    new Map<number, CborValue>([
      [PayloadKey.Version, RECORD_FORMAT_VERSION],
      [PayloadKey.Kind, payload.kindCode],
      [PayloadKey.Circle, payload.circle],
      [PayloadKey.Author, payload.author],
      [PayloadKey.At, payload.at],
      [PayloadKey.Body, payload.body],
    ]),
  );
}

export function encodeEnvelope(payloadBytes: Uint8Array, signatures: readonly Uint8Array[]): Uint8Array {
  return encodeCbor([payloadBytes, signatures]);
}

export function recordIdOf(bytes: Uint8Array): string {
  return toBase64Url(hash(bytes));
}

/** Parses the outer shape only; the kind's rules and the signatures are checked by validateRecord. */
export function decodeEnvelope(bytes: Uint8Array): Result<Envelope, EnvelopeProblem> {
  if (bytes.length > MAX_RECORD_BYTES) return err('too-large');
  const outer = decodeCbor(bytes);
  if (!outer.ok || !Array.isArray(outer.value) || outer.value.length !== 2) return err('malformed');
  const [payloadBytes, signatures] = outer.value as readonly CborValue[];
  if (!(payloadBytes instanceof Uint8Array) || !Array.isArray(signatures) || signatures.length === 0) return err('malformed');
  if (!signatures.every((s): s is Uint8Array => s instanceof Uint8Array && s.length === SIGNATURE_BYTES)) return err('malformed');

  const inner = decodeCbor(payloadBytes);
  if (!inner.ok || !isCborMap(inner.value)) return err('malformed');
  const map = inner.value;
  const version = uintField(map, PayloadKey.Version);
  if (version === undefined) return err('malformed');
  if (version !== RECORD_FORMAT_VERSION) return err('unsupported-version');
  if (!hasOnlyKeys(map, PAYLOAD_KEYS)) return err('malformed');

  const kindCode = uintField(map, PayloadKey.Kind);
  const circle = bytesField(map, PayloadKey.Circle, CIRCLE_ID_BYTES);
  const author = bytesField(map, PayloadKey.Author, KEY_BYTES);
  const at = uintField(map, PayloadKey.At);
  const body = mapField(map, PayloadKey.Body);
  if (kindCode === undefined || circle === undefined || author === undefined || at === undefined || body === undefined) {
    return err('malformed');
  }
  if (at < EARLIEST_RECORD_TIME || at >= LATEST_RECORD_TIME) return err('malformed');
  return ok({
    id: recordIdOf(bytes),
    bytes,
    payloadBytes,
    payload: { kindCode, circle, author, at, body },
    signatures,
  });
}
