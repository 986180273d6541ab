/**
 * Builds and signs what this phone signs: records, and the drafts and offers
 * one person signs and shows before another countersigns. Loaded with the
 * screens that sign, not with the first one (signatures.ts).
 */
import { encodeCbor } from './cbor';
import type { CborMap } from './cbor';
import { toBase64Url } from './bytes';
import { hash } from './crypto';
import type { SigningKeys } from './crypto';
import { encodeEnvelope, encodePayload, recordIdOf, SIGNATURE_PURPOSE } from './envelope';
import { sign } from './signatures';
import type { CircleEventKind } from '../domain/events';
import { KIND_CODES } from './kinds/codes';
import { DRAFT_PURPOSE, exchangeDraftMap } from './kinds/exchange';
import type { DraftFields } from './kinds/exchange';
import { handoffOfferMap, OFFER_PURPOSE } from './kinds/tool-handoff';
import type { OfferFields } from './kinds/tool-handoff';

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

/** `[payload bytes, signature]`, read back by signed-payload.ts; its id is the hash of the whole. */
export function signPayload(purpose: string, map: CborMap, signer: SigningKeys): SignedBytes {
  const payload = encodeCbor(map);
  const bytes = encodeCbor([payload, sign(purpose, payload, signer.secretKey)]);
  return { id: toBase64Url(hash(bytes)), bytes };
}

/** The first party's half of an exchange, shown as a code (records/kinds/exchange.ts). */
export function makeExchangeDraft(fields: DraftFields, author: SigningKeys): SignedBytes {
  return signPayload(DRAFT_PURPOSE, exchangeDraftMap(fields, author.publicKey), author);
}

/** A holder's offer of a tool, shown as a code (records/kinds/tool-handoff.ts). */
export function makeHandoffOffer(fields: OfferFields, holder: SigningKeys): SignedBytes {
  return signPayload(OFFER_PURPOSE, handoffOfferMap(fields, holder.publicKey), holder);
}
