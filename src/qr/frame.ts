/**
 * The frame every Tally code shares, so that a scanner can tell our codes
 * from anyone else's, reject damaged ones, and route each kind to its reader:
 *
 *   "TY" | kind (1 byte) | format version (1 byte) | body | CRC-32 (4 bytes, big-endian)
 *
 * The CRC covers everything before it. The text in the QR code is the base45
 * of the frame. The QR code's own error correction catches most damage; the
 * CRC catches what it cannot: a truncated paste, a misread, a hand-edited text.
 */
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import { base45Decode, base45Encode } from './base45';
import { crc32 } from './crc32';

/**
 * Numbers are never reused: a retired kind keeps its number so that an old
 * code is never read as a new kind. Numbers up to 255 are free for later kinds.
 */
export const CodeKind = {
  JoinRequest: 1,
  Welcome: 2,
  MemberIdentity: 3,
  ExchangeDraft: 4,
  ExchangeReceipt: 5,
  AnimatedFrame: 6,
  StateVector: 7,
  PairOffer: 8,
  PairAnswer: 9,
  ToolHandoffOffer: 10,
  ToolHandoffReceipt: 11,
} as const;

/** Far above anything a phone camera reads; bounds the work a pasted text can cause. */
export const MAX_CODE_TEXT = 4096;

const MAGIC_0 = 0x54;
const MAGIC_1 = 0x59;
const HEADER_BYTES = 4;
const CRC_BYTES = 4;
/** Every frame's text starts with the base45 of the magic, whatever follows. */
const MAGIC_TEXT = base45Encode(new Uint8Array([MAGIC_0, MAGIC_1]));

export interface Frame {
  readonly kind: number;
  readonly version: number;
  readonly body: Uint8Array;
}

export type FrameProblem = 'not-tally' | 'damaged' | 'too-large';
export type ExpectFrameProblem = FrameProblem | 'wrong-kind' | 'unsupported-version';

function isByte(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 255;
}

/** Throws on a kind or version that is not a byte, or a frame too large to read back: both are bugs. */
export function encodeFrame(kind: number, version: number, body: Uint8Array): string {
  if (!isByte(kind) || !isByte(version)) throw new RangeError('frame kind and version must be bytes');
  const frame = new Uint8Array(HEADER_BYTES + body.length + CRC_BYTES);
  frame[0] = MAGIC_0;
  frame[1] = MAGIC_1;
  frame[2] = kind;
  frame[3] = version;
  frame.set(body, HEADER_BYTES);
  const end = HEADER_BYTES + body.length;
  new DataView(frame.buffer).setUint32(end, crc32(frame.subarray(0, end)), false);
  const text = base45Encode(frame);
  if (text.length > MAX_CODE_TEXT) throw new RangeError('frame body too large for a code');
  return text;
}

export function decodeFrame(text: string): Result<Frame, FrameProblem> {
  // Before trimming, so that a huge paste costs nothing.
  if (text.length > MAX_CODE_TEXT) return err('too-large');
  const trimmed = text.trim();
  const bytes = base45Decode(trimmed);
  if (bytes === null) return err(trimmed.startsWith(MAGIC_TEXT) ? 'damaged' : 'not-tally');
  if (bytes.length < 2 || bytes[0] !== MAGIC_0 || bytes[1] !== MAGIC_1) return err('not-tally');
  if (bytes.length < HEADER_BYTES + CRC_BYTES) return err('damaged');
  const end = bytes.length - CRC_BYTES;
  const stored = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(end, false);
  if (stored !== crc32(bytes.subarray(0, end))) return err('damaged');
  return ok({ kind: bytes[2]!, version: bytes[3]!, body: bytes.slice(HEADER_BYTES, end) });
}

/** decodeFrame for a caller that reads one kind, in the format versions it knows. */
export function expectFrame(
  text: string,
  kind: number,
  versions: readonly number[],
): Result<Frame, ExpectFrameProblem> {
  const decoded = decodeFrame(text);
  if (!decoded.ok) return decoded;
  if (decoded.value.kind !== kind) return err('wrong-kind');
  if (!versions.includes(decoded.value.version)) return err('unsupported-version');
  return decoded;
}
