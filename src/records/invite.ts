/**
 * Joining face to face with no network, in two scans:
 *   1. the newcomer shows a join request: their public keys and chosen name,
 *      signed with the new signing key to prove they hold it;
 *   2. a member scans it, signs the newcomer's admission, and shows a welcome:
 *      the circle secret and the admission's signature, sealed to the
 *      newcomer's box key. The secret never appears in a code in the clear.
 * The welcome carries only what the newcomer lacks; their phone rebuilds the
 * admission record from its own request and checks the admitter's signature.
 */
import { decodeCbor, encodeCbor } from './cbor';
import type { CborValue } from './cbor';
import { bytesEqual, concatBytes, toBase64Url, utf8 } from './bytes';
import { hash, isAcceptableBoxKey, KEY_BYTES, SIGNATURE_BYTES } from './crypto';
import { isAcceptableSigningKey, sign, verify } from './signatures';
import { openSealed, sealTo } from './seal';
import type { RandomBytes, SigningKeys } from './crypto';
import type { BoxKeys } from './seal';
import { CIRCLE_ID_BYTES, encodeEnvelope, encodePayload, recordIdOf } from './envelope';
import { memberAdmittedBody } from './kinds/member-admitted';
import { KIND_CODES } from './kinds/codes';
import { isNormalizedName, MAX_CIRCLE_NAME, MAX_DISPLAY_NAME, normalizeName } from '../domain/names';
import { validateRecord } from './verify-record';
import { isExpiryChain } from './expiry-chain';
import type { ExpiryChain } from './expiry-chain';
import type { SignedBytes } from './make';
import { err, ok } from './result';
import type { Result } from './result';

export const CIRCLE_SECRET_BYTES = 32;
export const WELCOME_ID_BYTES = 8;
export const DEFAULT_WELCOME_LIFETIME_MS = 15 * 60 * 1000;
/** The circle's name rides in the welcome only as a hint, cut to fit the code. */
const CIRCLE_NAME_HINT_BYTES = 60;
const RECIPIENT_HINT_BYTES = 4;

export interface JoinRequest {
  readonly signingKey: Uint8Array;
  readonly boxKey: Uint8Array;
  readonly name: string;
}

export type JoinRequestProblem = 'malformed' | 'bad-key' | 'bad-name' | 'bad-signature';

export function makeJoinRequest(signing: SigningKeys, box: BoxKeys, name: string): Uint8Array {
  const unsigned = encodeCbor([signing.publicKey, box.publicKey, name]);
  return encodeCbor([signing.publicKey, box.publicKey, name, sign('join-request', unsigned, signing.secretKey)]);
}

export function parseJoinRequest(bytes: Uint8Array): Result<JoinRequest, JoinRequestProblem> {
  const decoded = decodeCbor(bytes);
  if (!decoded.ok || !Array.isArray(decoded.value) || decoded.value.length !== 4) return err('malformed');
  const [signingKey, boxKey, name, signature] = decoded.value as readonly CborValue[];
  if (!(signingKey instanceof Uint8Array) || !(boxKey instanceof Uint8Array) || !(signature instanceof Uint8Array)) return err('malformed');
  if (typeof name !== 'string') return err('malformed');
  if (!isAcceptableSigningKey(signingKey) || !isAcceptableBoxKey(boxKey)) return err('bad-key');
  if (!isNormalizedName(name, MAX_DISPLAY_NAME)) return err('bad-name');
  const unsigned = encodeCbor([signingKey, boxKey, name]);
  if (signature.length !== SIGNATURE_BYTES || !verify('join-request', signature, unsigned, signingKey)) return err('bad-signature');
  return ok({ signingKey, boxKey, name });
}

/** Fingerprint both phones show so that the two people can compare it aloud. */
export function keyFingerprint(signingKey: Uint8Array): string {
  const digest = hash(concatBytes(utf8('tally/fingerprint/v1\u0000'), signingKey));
  const n = ((digest[0]! << 16) | (digest[1]! << 8) | digest[2]!) % 1_000_000;
  const text = n.toString().padStart(6, '0');
  return `${text.slice(0, 3)} ${text.slice(3)}`;
}

export interface CircleSecrets {
  readonly id: Uint8Array;
  readonly name: string;
  readonly secret: Uint8Array;
  /** The admitter's current link of the expiry chain (expiry-chain.ts); null if their phone has none. */
  readonly expiryChain: ExpiryChain | null;
}

export interface WelcomeInput {
  readonly request: JoinRequest;
  readonly circle: CircleSecrets;
  readonly admitter: SigningKeys;
  readonly at: number;
  readonly expiresAt: number;
  readonly random: RandomBytes;
}

export interface MadeWelcome {
  readonly code: Uint8Array;
  readonly welcomeId: string;
  readonly admission: SignedBytes;
}

function recipientHint(boxKey: Uint8Array): Uint8Array {
  return hash(concatBytes(utf8('tally/welcome-hint/v1\u0000'), boxKey)).slice(0, RECIPIENT_HINT_BYTES);
}

function admissionPayload(request: JoinRequest, circle: Uint8Array, admitter: Uint8Array, at: number): Uint8Array {
  return encodePayload({
    kindCode: KIND_CODES['member.admitted'],
    circle,
    author: admitter,
    at,
    body: memberAdmittedBody({ member: request.signingKey, boxKey: request.boxKey, name: request.name }),
  });
}

/** Cuts text to at most maxBytes of UTF-8 without splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = utf8(char).length;
    if (used + size > maxBytes) break;
    out += char;
    used += size;
  }
  return out;
}

export function makeWelcome(input: WelcomeInput): MadeWelcome {
  const at = Math.floor(input.at);
  const payloadBytes = admissionPayload(input.request, input.circle.id, input.admitter.publicKey, at);
  const signature = sign('record', payloadBytes, input.admitter.secretKey);
  const admissionBytes = encodeEnvelope(payloadBytes, [signature]);
  const welcomeId = input.random(WELCOME_ID_BYTES);
  const plaintext = encodeCbor([
    input.circle.secret,
    input.circle.id,
    truncateUtf8(input.circle.name, CIRCLE_NAME_HINT_BYTES),
    input.admitter.publicKey,
    at,
    signature,
    Math.floor(input.expiresAt),
    welcomeId,
    ...(input.circle.expiryChain === null ? [] : [input.circle.expiryChain.hour, input.circle.expiryChain.link]),
  ]);
  const sealed = sealTo(input.request.boxKey, plaintext, input.random);
  return {
    code: encodeCbor([recipientHint(input.request.boxKey), sealed]),
    welcomeId: toBase64Url(welcomeId),
    admission: { id: recordIdOf(admissionBytes), bytes: admissionBytes },
  };
}

/** What this phone keeps while it waits for a welcome: the keys behind its join request. */
export interface PendingJoin {
  readonly signing: SigningKeys;
  readonly box: BoxKeys;
  readonly name: string;
}

export interface Welcome {
  readonly circleId: Uint8Array;
  readonly circleName: string;
  readonly secret: Uint8Array;
  readonly admitter: string;
  readonly admission: SignedBytes;
  readonly welcomeId: string;
  readonly expiresAt: number;
  readonly expiryChain: ExpiryChain | null;
}

export type WelcomeProblem = 'malformed' | 'not-for-you' | 'damaged' | 'expired' | 'already-used' | 'bad-admission';

interface WelcomeContents {
  readonly secret: Uint8Array;
  readonly circleId: Uint8Array;
  readonly circleName: string;
  readonly admitter: Uint8Array;
  readonly at: number;
  readonly signature: Uint8Array;
  readonly expiresAt: number;
  readonly welcomeId: string;
  readonly expiryChain: ExpiryChain | null;
}

type UnsealProblem = 'malformed' | 'not-for-you' | 'damaged';

/** Opens the sealed part only; also lets a phone that already joined recognise a replayed welcome. */
export function unsealWelcome(code: Uint8Array, box: BoxKeys): Result<WelcomeContents, UnsealProblem> {
  const outer = decodeCbor(code);
  if (!outer.ok || !Array.isArray(outer.value) || outer.value.length !== 2) return err('malformed');
  const [hint, sealed] = outer.value as readonly CborValue[];
  if (!(hint instanceof Uint8Array) || !(sealed instanceof Uint8Array)) return err('malformed');
  if (!bytesEqual(hint, recipientHint(box.publicKey))) return err('not-for-you');
  const plaintext = openSealed(box, sealed);
  if (plaintext === null) return err('damaged');
  const inner = decodeCbor(plaintext);
  // Eight fields, and two more (the expiry chain's hour and link) from an admitter whose phone has one.
  if (!inner.ok || !Array.isArray(inner.value) || (inner.value.length !== 8 && inner.value.length !== 10)) return err('malformed');
  const [secret, circleId, circleName, admitter, at, signature, expiresAt, welcomeIdBytes, chainHour, chainLink] = inner.value as readonly CborValue[];
  const expiryChain = inner.value.length === 10 ? { hour: chainHour, link: chainLink } : null;
  if (
    !(secret instanceof Uint8Array && secret.length === CIRCLE_SECRET_BYTES) ||
    !(circleId instanceof Uint8Array && circleId.length === CIRCLE_ID_BYTES) ||
    typeof circleName !== 'string' ||
    !(admitter instanceof Uint8Array && admitter.length === KEY_BYTES) ||
    typeof at !== 'number' ||
    !(signature instanceof Uint8Array && signature.length === SIGNATURE_BYTES) ||
    typeof expiresAt !== 'number' ||
    !(welcomeIdBytes instanceof Uint8Array && welcomeIdBytes.length === WELCOME_ID_BYTES) ||
    (expiryChain !== null && !isExpiryChain(expiryChain))
  ) {
    return err('malformed');
  }
  return ok({ secret, circleId, circleName, admitter, at, signature, expiresAt, welcomeId: toBase64Url(welcomeIdBytes), expiryChain });
}

export function openWelcome(
  code: Uint8Array,
  pending: PendingJoin,
  now: number,
  isUsed: (welcomeId: string) => boolean,
): Result<Welcome, WelcomeProblem> {
  const unsealed = unsealWelcome(code, pending.box);
  if (!unsealed.ok) return unsealed;
  const { secret, circleId, circleName, admitter, at, signature, expiresAt, welcomeId, expiryChain } = unsealed.value;
  if (isUsed(welcomeId)) return err('already-used');
  if (now > expiresAt) return err('expired');

  const request: JoinRequest = { signingKey: pending.signing.publicKey, boxKey: pending.box.publicKey, name: pending.name };
  let payloadBytes: Uint8Array;
  try {
    payloadBytes = admissionPayload(request, circleId, admitter, at);
  } catch {
    return err('bad-admission');
  }
  const admissionBytes = encodeEnvelope(payloadBytes, [signature]);
  if (!validateRecord(admissionBytes, circleId).ok) return err('bad-admission');

  const hintName = normalizeName(circleName, MAX_CIRCLE_NAME);
  return ok({
    circleId,
    circleName: hintName.ok ? hintName.value : '',
    secret,
    admitter: toBase64Url(admitter),
    admission: { id: recordIdOf(admissionBytes), bytes: admissionBytes },
    welcomeId,
    expiresAt,
    expiryChain,
  });
}
