/**
 * Rapid response alerts and their acknowledgements.
 *   alert.raised   0 kind (the position in ALERT_KINDS), 1 drill, 2 expiry (absent: 30 days),
 *                  3 sealed details (nonce and ciphertext, records/sealed-field.ts)
 *   alert.reached  0 the alert's record id, 1 the member reached (their key): the author reached them
 *   alert.heard    0 the alert's record id: the author heard of it
 * The details name people and places, so they travel sealed; that an alert
 * happened, of what kind and when, does not, since the circle's statistics
 * and drills need it after the details expire.
 */
import type { CborValue } from '../cbor';
import { bytesField, hasOnlyKeys, uintField } from '../fields';
import { fromBase64Url, toBase64Url } from '../bytes';
import type { Envelope } from '../envelope';
import { LATEST_RECORD_TIME } from '../envelope';
import { ALERT_KINDS } from '../../domain/defense-events';
import type { AlertRaised } from '../../domain/defense-events';
import type { AlertHeard, AlertKind, AlertReached } from '../../domain/alerts/types';
import { KIND_CODES } from './codes';

/** What the details are sealed as (records/sealed-field.ts): a map of 0 message, 1 place, each a text. */
export const ALERT_DETAILS_PURPOSE = 'alert.details';
/** A message and a place, sealed: well under this. */
export const MAX_SEALED_DETAILS = 2048;
const MIN_SEALED_DETAILS = 24 + 16 + 1;
const KEY_BYTES = 32;

const enum Raised { Kind = 0, Drill = 1, ExpiresAt = 2, Sealed = 3 }
const enum Ack { Alert = 0, Member = 1 }

export interface AlertFields {
  readonly alertKind: AlertKind;
  readonly drill: boolean;
  readonly expiresAt: number | null;
  readonly sealedDetails: Uint8Array;
}

export function alertRaisedBody(fields: AlertFields): Map<number, CborValue> {
  const { length } = fields.sealedDetails;
  if (!ALERT_KINDS.includes(fields.alertKind)) throw new RangeError('unknown alert kind');
  if (length < MIN_SEALED_DETAILS || length > MAX_SEALED_DETAILS) throw new RangeError('sealed details out of bounds');
  const body = new Map<number, CborValue>([
    [Raised.Kind, ALERT_KINDS.indexOf(fields.alertKind)],
    [Raised.Drill, fields.drill],
    [Raised.Sealed, fields.sealedDetails],
  ]);
  if (fields.expiresAt !== null) body.set(Raised.ExpiresAt, Math.floor(fields.expiresAt));
  return body;
}

export function parseAlertRaised(envelope: Envelope): AlertRaised | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['alert.raised'] || !hasOnlyKeys(body, [Raised.Kind, Raised.Drill, Raised.ExpiresAt, Raised.Sealed])) return undefined;
  const code = uintField(body, Raised.Kind);
  const alertKind = code === undefined ? undefined : ALERT_KINDS[code];
  const drill = body.get(Raised.Drill);
  const expiresAt = body.has(Raised.ExpiresAt) ? uintField(body, Raised.ExpiresAt) : null;
  const sealed = body.get(Raised.Sealed);
  if (alertKind === undefined || typeof drill !== 'boolean' || expiresAt === undefined) return undefined;
  if (expiresAt !== null && (!Number.isInteger(expiresAt) || expiresAt <= at || expiresAt >= LATEST_RECORD_TIME)) return undefined;
  if (!(sealed instanceof Uint8Array) || sealed.length < MIN_SEALED_DETAILS || sealed.length > MAX_SEALED_DETAILS) return undefined;
  return { kind: 'alert.raised', id: envelope.id, author: toBase64Url(author), at, alertKind, drill, expiresAt, sealedDetails: sealed };
}

export function alertReachedBody(alertId: string, member: string): Map<number, CborValue> {
  return new Map<number, CborValue>([
    [Ack.Alert, rawKey(alertId)],
    [Ack.Member, rawKey(member)],
  ]);
}

export function parseAlertReached(envelope: Envelope): AlertReached | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['alert.reached'] || !hasOnlyKeys(body, [Ack.Alert, Ack.Member])) return undefined;
  const alert = bytesField(body, Ack.Alert, KEY_BYTES);
  const member = bytesField(body, Ack.Member, KEY_BYTES);
  if (alert === undefined || member === undefined) return undefined;
  return { kind: 'alert.reached', id: envelope.id, author: toBase64Url(author), at, alert: toBase64Url(alert), member: toBase64Url(member) };
}

export function alertHeardBody(alertId: string): Map<number, CborValue> {
  return new Map<number, CborValue>([[Ack.Alert, rawKey(alertId)]]);
}

export function parseAlertHeard(envelope: Envelope): AlertHeard | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['alert.heard'] || !hasOnlyKeys(body, [Ack.Alert])) return undefined;
  const alert = bytesField(body, Ack.Alert, KEY_BYTES);
  if (alert === undefined) return undefined;
  return { kind: 'alert.heard', id: envelope.id, author: toBase64Url(author), at, alert: toBase64Url(alert) };
}

/** Record ids and member keys are both 32 bytes in unpadded base64url. */
function rawKey(text: string): Uint8Array {
  const bytes = fromBase64Url(text);
  if (bytes === null || bytes.length !== KEY_BYTES) throw new RangeError('not a record id or member key');
  return bytes;
}
