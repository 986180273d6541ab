/**
 * Sync with no network at all, screen to camera. The phone that lacks
 * updates shows its state vector as one code; the other phone seals what is
 * missing with the circle key and shows it as an endless stream of fountain
 * frames, one code after another; the first phone films the stream until it
 * has enough frames, in whatever order and with whatever gaps it saw them.
 */
import type * as Y from 'yjs';
import { CodeKind, encodeFrame, expectFrame } from '../qr/frame';
import type { ExpectFrameProblem } from '../qr/frame';
import { bytesEqual, concatBytes } from '../records/bytes';
import type { RandomBytes } from '../records/crypto';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import { allUpdates, missingUpdates, parseStateVector } from './diff';
import type { StateVectorProblem } from './diff';
import { blockCount, blockSizeFor, createFountainEncoder, MAX_BLOCKS, MAX_FOUNTAIN_PAYLOAD, TRANSFER_ID_BYTES } from './fountain';
import { FRAME_HEADER_BYTES } from './fountain-wire';
import { sealUpdates } from './sealed-file';
import type { CircleKey, SealProblem } from './sealed-file';

export const ANIMATED_FRAME_VERSION = 1;
export const STATE_VECTOR_CODE_VERSION = 1;
/**
 * Measured with versionForText: a 392-byte body frames to 600 base45
 * characters, the most that QR version 15 holds at level M; one byte more
 * needs version 16. Phones read codes from a screen reliably up to 10-15.
 */
export const MAX_ANIMATED_FRAME_BYTES = 392;
/** Larger frames are for lab conditions only; this bound keeps every frame a readable code. */
const LARGEST_FRAME_BYTES = 1024;
const CIRCLE_ID_BYTES = 16;

export interface AnimatedOptions {
  /** Makes the transfer id, so that two phones' streams never mix. */
  readonly random: RandomBytes;
  /** Bytes of fountain frame in each code (header and block); by default the most that stays at QR version 15. */
  readonly bytesPerFrame?: number;
}

export interface AnimatedTransfer extends IterableIterator<string> {
  readonly transferId: Uint8Array;
  /** The least number of frames a receiver needs (it needs a few more in practice). */
  readonly blocks: number;
}

/** An endless stream of code texts that carry `payload`; 'too-large' beyond 8 MiB (a file is the carrier then). */
export function animatedFrames(payload: Uint8Array, options: AnimatedOptions): Result<AnimatedTransfer, 'too-large'> {
  const bytesPerFrame = options.bytesPerFrame ?? MAX_ANIMATED_FRAME_BYTES;
  if (!Number.isInteger(bytesPerFrame) || bytesPerFrame <= FRAME_HEADER_BYTES || bytesPerFrame > LARGEST_FRAME_BYTES) {
    throw new RangeError('bytesPerFrame out of range');
  }
  const maxBlock = bytesPerFrame - FRAME_HEADER_BYTES;
  if (payload.length > MAX_FOUNTAIN_PAYLOAD || blockCount(payload.length, maxBlock) > MAX_BLOCKS) return err('too-large');
  const transferId = options.random(TRANSFER_ID_BYTES);
  const encoder = createFountainEncoder(payload, transferId, blockSizeFor(payload.length, maxBlock));
  function* frames(): Generator<string, never, undefined> {
    for (let index = 0; ; index = (index + 1) % 0x100000000) {
      yield encodeFrame(CodeKind.AnimatedFrame, ANIMATED_FRAME_VERSION, encoder.frame(index));
    }
  }
  return ok(Object.assign(frames(), { transferId: encoder.transferId, blocks: encoder.blocks }));
}

/** The fountain frame inside a scanned code, for createFountainDecoder().accept. */
export function readAnimatedFrame(text: string): Result<Uint8Array, ExpectFrameProblem> {
  const frame = expectFrame(text, CodeKind.AnimatedFrame, [ANIMATED_FRAME_VERSION]);
  return frame.ok ? ok(frame.value.body) : frame;
}

/**
 * What an animated code (or a file) carries: the updates the other phone
 * lacks, sealed with the circle key so that only members can read them
 * (open with openSealedUpdates). Without their state vector, everything.
 */
export function sealedDiff(
  circle: CircleKey,
  doc: Y.Doc,
  theirStateVector: Uint8Array | null,
  random: RandomBytes,
): Result<Uint8Array, StateVectorProblem | SealProblem> {
  let updates = allUpdates(doc);
  if (theirStateVector !== null) {
    const missing = missingUpdates(doc, theirStateVector);
    if (!missing.ok) return missing;
    updates = missing.value;
  }
  return sealUpdates(circle, updates, random);
}

/**
 * One code with this phone's state vector: "this is what I have". Yjs gives a
 * document a new client id at every open that writes, so a circle's vector
 * grows with time; once it outgrows one code ('too-large'), the other phone
 * sends everything (sealedDiff with null), which merges just the same.
 */
export function stateVectorCode(circleId: Uint8Array, stateVector: Uint8Array): Result<string, 'too-large'> {
  if (circleId.length !== CIRCLE_ID_BYTES) throw new RangeError('a circle id is 16 bytes');
  if (CIRCLE_ID_BYTES + stateVector.length > MAX_ANIMATED_FRAME_BYTES) return err('too-large');
  return ok(encodeFrame(CodeKind.StateVector, STATE_VECTOR_CODE_VERSION, concatBytes(circleId, stateVector)));
}

export type StateVectorCodeProblem = ExpectFrameProblem | StateVectorProblem | 'other-circle';

/** The state vector in a scanned code, checked to be well formed and of this circle. */
export function readStateVectorCode(text: string, circleId: Uint8Array): Result<Uint8Array, StateVectorCodeProblem> {
  const frame = expectFrame(text, CodeKind.StateVector, [STATE_VECTOR_CODE_VERSION]);
  if (!frame.ok) return frame;
  const body = frame.value.body;
  if (body.length <= CIRCLE_ID_BYTES) return err('malformed');
  if (!bytesEqual(body.subarray(0, CIRCLE_ID_BYTES), circleId)) return err('other-circle');
  const stateVector = body.slice(CIRCLE_ID_BYTES);
  const parsed = parseStateVector(stateVector);
  return parsed.ok ? ok(stateVector) : parsed;
}
