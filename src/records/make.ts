/** Builds and signs records on this phone. */
import type { CborMap } from './cbor';
import { encodeEnvelope, encodePayload, recordIdOf, SIGNATURE_PURPOSE } from './envelope';
import { sign } from './crypto';
import type { SigningKeys } from './crypto';
import type { CircleEventKind } from '../domain/events';
import { KIND_CODES } from './kinds/codes';

export interface NewRecord {
  readonly kind: CircleEventKind;
  readonly circle: Uint8Array;
  readonly at: number;
  readonly body: CborMap;
}

export interface SignedBytes {
  readonly id: string;
  readonly bytes: Uint8Array;
}

export function makeRecord(record: NewRecord, author: SigningKeys): SignedBytes {
  const payloadBytes = encodePayload({
    kindCode: KIND_CODES[record.kind],
    circle: record.circle,
    author: author.publicKey,
    at: Math.floor(record.at),
    body: record.body,
  });
  const bytes = encodeEnvelope(payloadBytes, [sign(SIGNATURE_PURPOSE, payloadBytes, author.secretKey)]);
  return { id: recordIdOf(bytes), bytes };
}
