/**
 * What a signaling server sees of a circle: a room name and sealed messages.
 * Both come from the circle secret through HKDF, so the server learns neither
 * the circle's id, nor its name, nor who its members are, and cannot forge or
 * read a message. A message opened here only proves that its sender holds the
 * secret; the sync session still proves membership by signature.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, fromBase64Url, toBase64Url, toHex, utf8 } from '../records/bytes';
import { decodeCbor, encodeCbor } from '../records/cbor';
import type { CborValue } from '../records/cbor';
import type { RandomBytes } from '../records/crypto';
import { bytesField, hasOnlyKeys, isCborMap, textField, uintField } from '../records/fields';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';

export const ROOM_PREFIX = 'tally-';
const ROOM_NAME_BYTES = 16;
export const SIGNALING_KEY_BYTES = 32;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
export const PEER_ID_BYTES = 8;
/** Messages older (or further ahead) than this are refused, so a recorded message stops working soon. */
export const SIGNAL_MAX_AGE_MS = 2 * 60 * 1000;
/** An SDP with every candidate a phone finds is a few kilobytes; far more is not one. */
export const MAX_SDP_CHARS = 16 * 1024;
const MAX_CANDIDATE_CHARS = 1024;
const MAX_MID_CHARS = 32;
/** Base64url of the largest plaintext we write, with room to spare. */
export const MAX_SEALED_CHARS = 32 * 1024;
/** (sender, nonce) pairs remembered; beyond this, new messages wait rather than risk a replay. */
const MAX_REMEMBERED = 4096;
const FORMAT_VERSION = 1;

export interface RoomKeys {
  /** The topic on the signaling server: "tally-" and 16 bytes in hex. */
  readonly name: string;
  readonly key: Uint8Array;
}

/** Same secret, same room, on every phone; another circle's secret gives another room and key. */
export function deriveRoom(secret: Uint8Array): RoomKeys {
  if (secret.length !== 32) throw new RangeError('a circle secret is 32 bytes');
  const nameBytes = hkdf(sha256, secret, undefined, utf8('tally/signaling-room/v1'), ROOM_NAME_BYTES);
  const key = hkdf(sha256, secret, undefined, utf8('tally/signaling-key/v1'), SIGNALING_KEY_BYTES);
  return { name: ROOM_PREFIX + toHex(nameBytes), key };
}

/** A random id for one visit to a room: it names nobody, and changes at every visit. */
export function newPeerId(random: RandomBytes): string {
  return toHex(random(PEER_ID_BYTES));
}

export interface CandidateData {
  readonly candidate: string;
  readonly sdpMid: string | null;
  readonly sdpMLineIndex: number | null;
}

interface SignalBase {
  readonly from: string;
  /** Absent: for everyone in the room. */
  readonly to?: string;
  /** The sender's clock, in ms. */
  readonly at: number;
}

export type Signal =
  | (SignalBase & { readonly kind: 'announce' | 'bye' })
  | (SignalBase & { readonly kind: 'offer' | 'answer'; readonly data: string })
  | (SignalBase & { readonly kind: 'candidate'; readonly data: CandidateData });

export type SignalKind = Signal['kind'];

const KIND_CODES: Readonly<Record<SignalKind, number>> = { announce: 1, offer: 2, answer: 3, candidate: 4, bye: 5 };
const KINDS_BY_CODE: readonly (SignalKind | undefined)[] = [undefined, 'announce', 'offer', 'answer', 'candidate', 'bye'];

const enum Key {
  Version = 1,
  Kind = 2,
  From = 3,
  To = 4,
  At = 5,
  Data = 6,
}

function peerIdBytes(id: string): Uint8Array {
  if (!/^[0-9a-f]{16}$/.test(id)) throw new RangeError('a peer id is 8 bytes in lowercase hex');
  return Uint8Array.from(id.match(/../g)!, (pair) => parseInt(pair, 16));
}

function encodeData(signal: Signal): CborValue | undefined {
  switch (signal.kind) {
    case 'offer':
    case 'answer':
      return signal.data;
    case 'candidate':
      return [signal.data.candidate, signal.data.sdpMid, signal.data.sdpMLineIndex];
    default:
      return undefined;
  }
}

/** Throws only on a signal this phone made wrong (a bad peer id): that is a bug, not input. */
export function sealSignal(room: RoomKeys, signal: Signal, random: RandomBytes): string {
  const fields = new Map<number, CborValue>([
    [Key.Version, FORMAT_VERSION],
    [Key.Kind, KIND_CODES[signal.kind]],
    [Key.From, peerIdBytes(signal.from)],
    [Key.At, signal.at],
  ]);
  if (signal.to !== undefined) fields.set(Key.To, peerIdBytes(signal.to));
  const data = encodeData(signal);
  if (data !== undefined) fields.set(Key.Data, data);
  const nonce = random(NONCE_BYTES);
  const sealed = xchacha20poly1305(room.key, nonce, utf8(room.name)).encrypt(encodeCbor(fields));
  return toBase64Url(concatBytes(nonce, sealed));
}

export type SignalProblem = 'too-large' | 'malformed' | 'forged' | 'stale' | 'replayed' | 'overloaded';

export interface OpenedSignal {
  readonly signal: Signal;
  readonly nonce: Uint8Array;
}

function parseCandidate(value: CborValue | undefined): CandidateData | null {
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [candidate, sdpMid, index] = value as readonly CborValue[];
  if (typeof candidate !== 'string' || candidate.length > MAX_CANDIDATE_CHARS) return null;
  if (sdpMid !== null && (typeof sdpMid !== 'string' || sdpMid.length > MAX_MID_CHARS)) return null;
  if (index !== null && (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 64)) return null;
  return { candidate, sdpMid: sdpMid ?? null, sdpMLineIndex: index ?? null };
}

function parseSignal(plaintext: Uint8Array): Signal | null {
  const decoded = decodeCbor(plaintext);
  if (!decoded.ok || !isCborMap(decoded.value)) return null;
  const fields = decoded.value;
  if (!hasOnlyKeys(fields, [Key.Version, Key.Kind, Key.From, Key.To, Key.At, Key.Data])) return null;
  if (uintField(fields, Key.Version) !== FORMAT_VERSION) return null;
  const code = uintField(fields, Key.Kind);
  const kind = code === undefined ? undefined : KINDS_BY_CODE[code];
  const from = bytesField(fields, Key.From, PEER_ID_BYTES);
  const at = uintField(fields, Key.At);
  if (kind === undefined || from === undefined || at === undefined || !Number.isSafeInteger(at)) return null;
  const to = fields.has(Key.To) ? bytesField(fields, Key.To, PEER_ID_BYTES) : null;
  if (to === undefined) return null;
  const base: SignalBase = to === null ? { from: toHex(from), at } : { from: toHex(from), to: toHex(to), at };
  switch (kind) {
    case 'announce':
    case 'bye':
      return fields.has(Key.Data) ? null : { ...base, kind };
    case 'offer':
    case 'answer': {
      const sdp = textField(fields, Key.Data, MAX_SDP_CHARS);
      // An offer or answer is always meant for one peer.
      return sdp === undefined || base.to === undefined ? null : { ...base, kind, data: sdp };
    }
    case 'candidate': {
      const data = parseCandidate(fields.get(Key.Data));
      return data === null || base.to === undefined ? null : { ...base, kind, data };
    }
  }
}

/** Opens and parses one message; says nothing yet about its age or whether it was seen before. */
export function openSignal(room: RoomKeys, text: unknown): Result<OpenedSignal, 'too-large' | 'malformed' | 'forged'> {
  if (typeof text !== 'string') return err('malformed');
  if (text.length > MAX_SEALED_CHARS) return err('too-large');
  const bytes = fromBase64Url(text);
  if (bytes === null || bytes.length < NONCE_BYTES + TAG_BYTES) return err('malformed');
  const nonce = bytes.slice(0, NONCE_BYTES);
  let plaintext: Uint8Array;
  try {
    plaintext = xchacha20poly1305(room.key, nonce, utf8(room.name)).decrypt(bytes.subarray(NONCE_BYTES));
  } catch {
    // Sealed with another key, for another room, or altered on the way.
    return err('forged');
  }
  const signal = parseSignal(plaintext);
  return signal === null ? err('malformed') : ok({ signal, nonce });
}

/**
 * Refuses messages outside the age window and any (sender, nonce) seen inside
 * it. Entries leave once their message would be stale anyway, so memory stays
 * bounded by the traffic of the last few minutes.
 */
export class ReplayGuard {
  readonly #seen = new Map<string, number>();
  readonly #maxAgeMs: number;
  readonly #maxEntries: number;

  constructor(maxAgeMs = SIGNAL_MAX_AGE_MS, maxEntries = MAX_REMEMBERED) {
    this.#maxAgeMs = maxAgeMs;
    this.#maxEntries = maxEntries;
  }

  check(opened: OpenedSignal, now: number): 'stale' | 'replayed' | 'overloaded' | null {
    const { signal, nonce } = opened;
    if (Math.abs(now - signal.at) > this.#maxAgeMs) return 'stale';
    const id = `${signal.from}:${toHex(nonce)}`;
    if (this.#seen.has(id)) return 'replayed';
    if (this.#seen.size >= this.#maxEntries) {
      for (const [key, at] of this.#seen) if (now - at > this.#maxAgeMs) this.#seen.delete(key);
      if (this.#seen.size >= this.#maxEntries) return 'overloaded';
    }
    this.#seen.set(id, signal.at);
    return null;
  }
}

export type SignalCounts = Record<SignalProblem, number>;

export function emptySignalCounts(): SignalCounts {
  return { 'too-large': 0, malformed: 0, forged: 0, stale: 0, replayed: 0, overloaded: 0 };
}

/**
 * One room's incoming messages: opened, checked for age and replay, and
 * counted when ignored. A message relayed by two servers arrives twice; the
 * second copy is counted as replayed.
 */
export interface SignalInbox {
  read(text: unknown): Signal | null;
  readonly ignored: Readonly<SignalCounts>;
}

export function createSignalInbox(room: RoomKeys, now: () => number, guard = new ReplayGuard()): SignalInbox {
  const ignored = emptySignalCounts();
  return {
    ignored,
    read(text) {
      const opened = openSignal(room, text);
      const problem = opened.ok ? guard.check(opened.value, now()) : opened.error;
      if (problem !== null) {
        ignored[problem]++;
        return null;
      }
      return opened.ok ? opened.value.signal : null;
    },
  };
}
