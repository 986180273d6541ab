import type { CborValue } from '../cbor';
import { bytesField, hasOnlyKeys, nameField } from '../fields';
import { concatBytes, toBase64Url, utf8 } from '../bytes';
import { hash, isAcceptableBoxKey, KEY_BYTES } from '../crypto';
import { CIRCLE_ID_BYTES } from '../envelope';
import type { Envelope } from '../envelope';
import type { CircleFounded } from '../../domain/events';
import { MAX_CIRCLE_NAME, MAX_DISPLAY_NAME } from '../../domain/names';
import { bytesEqual } from '../bytes';
import { KIND_CODES } from './codes';

export const FOUNDING_NONCE_BYTES = 16;
const enum Body { CircleName = 0, FounderName = 1, FounderBoxKey = 2, Nonce = 3 }

/**
 * A circle's id is bound to its founder's key, so no member can later sign a
 * second founding record with an earlier time and take the founder's place.
 */
export function circleIdFor(founderKey: Uint8Array, nonce: Uint8Array): Uint8Array {
  return hash(concatBytes(utf8('tally/circle/v1\u0000'), founderKey, nonce)).slice(0, CIRCLE_ID_BYTES);
}

export interface CircleFoundedFields {
  readonly circleName: string;
  readonly founderName: string;
  readonly founderBoxKey: Uint8Array;
  readonly nonce: Uint8Array;
}

export function circleFoundedBody(fields: CircleFoundedFields): Map<number, CborValue> {
  return new Map<number, CborValue>([
    [Body.CircleName, fields.circleName],
    [Body.FounderName, fields.founderName],
    [Body.FounderBoxKey, fields.founderBoxKey],
    [Body.Nonce, fields.nonce],
  ]);
}

export function parseCircleFounded(envelope: Envelope): CircleFounded | undefined {
  const { body, author, circle, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['circle.founded']) return undefined;
  if (!hasOnlyKeys(body, [Body.CircleName, Body.FounderName, Body.FounderBoxKey, Body.Nonce])) return undefined;
  const circleName = nameField(body, Body.CircleName, MAX_CIRCLE_NAME);
  const founderName = nameField(body, Body.FounderName, MAX_DISPLAY_NAME);
  const founderBoxKey = bytesField(body, Body.FounderBoxKey, KEY_BYTES);
  const nonce = bytesField(body, Body.Nonce, FOUNDING_NONCE_BYTES);
  if (circleName === undefined || founderName === undefined || founderBoxKey === undefined || nonce === undefined) return undefined;
  if (!isAcceptableBoxKey(founderBoxKey)) return undefined;
  if (!bytesEqual(circleIdFor(author, nonce), circle)) return undefined;
  return {
    kind: 'circle.founded',
    id: envelope.id,
    author: toBase64Url(author),
    at,
    circleName,
    founderName,
    founderBoxKey: toBase64Url(founderBoxKey),
  };
}
