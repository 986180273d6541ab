/**
 * An LT (Luby transform) fountain code: the sender can make frames without
 * end, each the XOR of a few blocks of the payload, and the receiver rebuilds
 * the payload from any large enough set of them, in any order. A camera that
 * misses frames, sees some twice or starts in the middle of the loop loses
 * nothing but a little time.
 *
 * The decoder peels: a frame whose blocks are all known but one gives that
 * block, which may in turn leave other stored frames with one unknown block.
 * When peeling stalls near the end, elimination (fountain-solve.ts) finishes.
 */
import { bytesEqual } from '../records/bytes';
import { blockCount, encodeFountainFrame, MAX_BLOCK_BYTES, MAX_FOUNTAIN_PAYLOAD, MAX_FRAME_INDEX, parseFountainFrame, TRANSFER_ID_BYTES } from './fountain-wire';
import { degreeThresholds, frameBlocks, MAX_BLOCKS } from './fountain-plan';
import { MAX_RESIDUAL_BLOCKS, MAX_RESIDUAL_EQUATIONS, solveResidual } from './fountain-solve';
import type { ResidualEquation } from './fountain-solve';

export { blockCount, MAX_FOUNTAIN_PAYLOAD, TRANSFER_ID_BYTES } from './fountain-wire';
export { MAX_BLOCKS } from './fountain-plan';

export interface FountainEncoder {
  readonly transferId: Uint8Array;
  readonly blockSize: number;
  /** k: the least number of frames a receiver needs. */
  readonly blocks: number;
  /** The body of frame `index` (0 to 2^32 - 1). */
  frame(index: number): Uint8Array;
}

/**
 * The block size for a payload, at most `maxBlockSize`: blocks are evened out
 * so the last one is not mostly padding, and a small payload gets a small
 * code, which a camera reads more easily.
 */
export function blockSizeFor(length: number, maxBlockSize: number): number {
  const k = blockCount(length, maxBlockSize);
  return Math.max(1, Math.ceil(length / k));
}

function xorInto(target: Uint8Array, source: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i]! ^= source[i]!;
}

/** Throws on arguments the caller should have checked (sizes beyond the bounds): those are bugs. */
export function createFountainEncoder(payload: Uint8Array, transferId: Uint8Array, blockSize: number): FountainEncoder {
  if (transferId.length !== TRANSFER_ID_BYTES) throw new RangeError('a transfer id is 8 bytes');
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > MAX_BLOCK_BYTES) throw new RangeError('block size out of range');
  if (payload.length > MAX_FOUNTAIN_PAYLOAD) throw new RangeError('payload too large for a fountain transfer');
  const k = blockCount(payload.length, blockSize);
  if (k > MAX_BLOCKS) throw new RangeError('too many blocks: use a larger block size');
  const padded = new Uint8Array(k * blockSize);
  padded.set(payload);
  const id = transferId.slice();
  let thresholds: Float64Array | null = null;
  return {
    transferId: id,
    blockSize,
    blocks: k,
    frame: (index) => {
      if (!Number.isInteger(index) || index < 0 || index > MAX_FRAME_INDEX) throw new RangeError('frame index out of range');
      thresholds ??= degreeThresholds(k);
      const block = new Uint8Array(blockSize);
      for (const b of frameBlocks(id, index, k, thresholds)) xorInto(block, padded.subarray(b * blockSize, (b + 1) * blockSize));
      return encodeFountainFrame({ transferId: id, length: payload.length, blockSize, index, block });
    },
  };
}

export type AcceptOutcome = 'accepted' | 'duplicate' | 'other-transfer' | 'malformed' | 'complete';

export interface FountainProgress {
  /** Distinct frames of this transfer taken in. */
  readonly received: number;
  /** Blocks known so far. */
  readonly recovered: number;
  /** Blocks in the payload (k); 0 until the first frame. */
  readonly total: number;
}

export interface FountainDecoder {
  accept(frameBody: Uint8Array): AcceptOutcome;
  progress(): FountainProgress;
  /** The payload, once complete. */
  result(): Uint8Array | null;
  /** The transfer this decoder locked onto with its first good frame. */
  readonly transferId: Uint8Array | null;
}

/** A frame whose blocks are not all known yet: its XOR with the known ones taken out. */
interface Pending {
  readonly data: Uint8Array;
  readonly unknown: Set<number>;
}

interface Transfer {
  readonly id: Uint8Array;
  readonly length: number;
  readonly blockSize: number;
  readonly k: number;
  readonly thresholds: Float64Array;
  readonly data: Uint8Array;
  readonly known: Uint8Array;
  readonly seen: Set<number>;
  readonly pending: Set<Pending>;
  /** For each block, the pending frames that still wait for it. */
  readonly waiting: Map<number, Pending[]>;
  recovered: number;
  /** Frames stored so far, and that count at the last attempt to solve the residue. */
  stored: number;
  storedAtLastSolve: number;
}

/**
 * Frames kept while waiting for their blocks. An honest transfer needs about
 * k(1 + ε); the cap bounds the memory a stream of forged frames can take.
 */
function pendingCap(k: number): number {
  return 2 * k + 64;
}

function startTransfer(id: Uint8Array, length: number, blockSize: number): Transfer {
  const k = blockCount(length, blockSize);
  return {
    id,
    length,
    blockSize,
    k,
    thresholds: degreeThresholds(k),
    data: new Uint8Array(k * blockSize),
    known: new Uint8Array(k),
    seen: new Set(),
    pending: new Set(),
    waiting: new Map(),
    recovered: 0,
    stored: 0,
    storedAtLastSolve: 0,
  };
}

function blockOf(t: Transfer, b: number): Uint8Array {
  return t.data.subarray(b * t.blockSize, (b + 1) * t.blockSize);
}

/** Stores a block and follows every frame it leaves with one unknown block, without recursion. */
function recover(t: Transfer, first: number, firstData: Uint8Array): void {
  const queue: [number, Uint8Array][] = [[first, firstData]];
  while (queue.length > 0) {
    const [b, data] = queue.pop()!;
    if (t.known[b] === 1) continue;
    blockOf(t, b).set(data);
    t.known[b] = 1;
    t.recovered++;
    const waiters = t.waiting.get(b) ?? [];
    t.waiting.delete(b);
    for (const frame of waiters) {
      if (!frame.unknown.delete(b)) continue;
      xorInto(frame.data, blockOf(t, b));
      if (frame.unknown.size === 1) {
        const [last] = frame.unknown;
        t.pending.delete(frame);
        frame.unknown.clear();
        queue.push([last!, frame.data]);
      } else if (frame.unknown.size === 0) {
        t.pending.delete(frame);
      }
    }
  }
}

/** False when the frame had to be left out because too many frames are waiting already. */
function take(t: Transfer, index: number, block: Uint8Array): boolean {
  const data = block.slice();
  const unknown = new Set<number>();
  for (const b of frameBlocks(t.id, index, t.k, t.thresholds)) {
    if (t.known[b] === 1) xorInto(data, blockOf(t, b));
    else unknown.add(b);
  }
  if (unknown.size === 0) return true;
  if (unknown.size === 1) {
    const [only] = unknown;
    recover(t, only!, data);
    return true;
  }
  if (t.pending.size >= pendingCap(t.k)) return false;
  const frame: Pending = { data, unknown };
  t.pending.add(frame);
  t.stored++;
  for (const b of unknown) {
    const list = t.waiting.get(b);
    if (list === undefined) t.waiting.set(b, [frame]);
    else list.push(frame);
  }
  return true;
}

/**
 * Tries elimination once few blocks are left and enough frames wait. A failed
 * try is retried only after more frames are stored, and less often when many
 * wait, since each try costs blocks × frames.
 */
function trySolving(t: Transfer): void {
  const left = t.k - t.recovered;
  if (left === 0 || left > MAX_RESIDUAL_BLOCKS || t.pending.size < left) return;
  if (t.stored - t.storedAtLastSolve < Math.max(1, Math.floor(t.pending.size / 128))) return;
  t.storedAtLastSolve = t.stored;
  const unknown: number[] = [];
  for (let b = 0; b < t.k; b++) if (t.known[b] === 0) unknown.push(b);
  const equations: ResidualEquation[] = [];
  for (const frame of t.pending) {
    if (equations.length === MAX_RESIDUAL_EQUATIONS) break;
    equations.push(frame);
  }
  const solved = solveResidual(unknown, equations, t.blockSize);
  if (solved === null) return;
  for (const [b, data] of solved) recover(t, b, data);
}

export function createFountainDecoder(): FountainDecoder {
  let transfer: Transfer | null = null;
  let output: Uint8Array | null = null;

  const complete = (): boolean => transfer !== null && transfer.recovered === transfer.k;

  return {
    get transferId() {
      return transfer === null ? null : transfer.id.slice();
    },
    accept(frameBody) {
      const frame = parseFountainFrame(frameBody);
      if (frame === null) return 'malformed';
      if (transfer === null) {
        transfer = startTransfer(frame.transferId, frame.length, frame.blockSize);
      } else if (!bytesEqual(frame.transferId, transfer.id)) {
        return 'other-transfer';
      } else if (frame.length !== transfer.length || frame.blockSize !== transfer.blockSize) {
        // The CRC held, so this is no misread: someone made an inconsistent frame.
        return 'malformed';
      }
      const t = transfer;
      if (complete()) return 'complete';
      if (t.seen.has(frame.index)) return 'duplicate';
      // A frame left out for lack of room is not marked seen: if it comes round again, it may be usable then.
      if (take(t, frame.index, frame.block)) t.seen.add(frame.index);
      if (!complete()) trySolving(t);
      if (!complete()) return 'accepted';
      t.pending.clear();
      t.waiting.clear();
      return 'complete';
    },
    progress() {
      if (transfer === null) return { received: 0, recovered: 0, total: 0 };
      return { received: transfer.seen.size, recovered: transfer.recovered, total: transfer.k };
    },
    result() {
      if (transfer === null || !complete()) return null;
      output ??= transfer.data.slice(0, transfer.length);
      return output.slice();
    },
  };
}
