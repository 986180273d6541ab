/**
 * One fountain frame's bytes, carried as the body of a Tally code (whose CRC
 * already protects them, so nothing here repeats a checksum):
 *
 *   transfer id (8) | payload length (u32) | block size (u16) | frame index (u32) | block (block size)
 *
 * Numbers are big-endian. Every frame repeats the length and block size, so a
 * receiver can start from whichever frame it happens to see first.
 */
import { MAX_BLOCKS } from './fountain-plan';

export const TRANSFER_ID_BYTES = 8;
export const FRAME_HEADER_BYTES = TRANSFER_ID_BYTES + 4 + 2 + 4;
/** An 8 MiB payload takes about 6 minutes at 3 kB/s: beyond that a file is the better carrier. */
export const MAX_FOUNTAIN_PAYLOAD = 8 * 1024 * 1024;
/** Far above what any QR code holds; bounds what a forged frame can make a receiver allocate. */
export const MAX_BLOCK_BYTES = 4096;
export const MAX_FRAME_INDEX = 0xffffffff;

export interface FountainFrame {
  readonly transferId: Uint8Array;
  readonly length: number;
  readonly blockSize: number;
  readonly index: number;
  readonly block: Uint8Array;
}

/** How many blocks a payload of `length` bytes splits into; an empty payload is one block of padding. */
export function blockCount(length: number, blockSize: number): number {
  return Math.max(1, Math.ceil(length / blockSize));
}

export function encodeFountainFrame(frame: FountainFrame): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER_BYTES + frame.block.length);
  const view = new DataView(out.buffer);
  out.set(frame.transferId, 0);
  view.setUint32(8, frame.length);
  view.setUint16(12, frame.blockSize);
  view.setUint32(14, frame.index);
  out.set(frame.block, FRAME_HEADER_BYTES);
  return out;
}

/** Null for anything the encoder could not have written: wrong length, zero or oversized blocks, k beyond bounds. */
export function parseFountainFrame(body: Uint8Array): FountainFrame | null {
  if (body.length <= FRAME_HEADER_BYTES) return null;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const length = view.getUint32(8);
  const blockSize = view.getUint16(12);
  if (length > MAX_FOUNTAIN_PAYLOAD || blockSize === 0 || blockSize > MAX_BLOCK_BYTES) return null;
  if (body.length !== FRAME_HEADER_BYTES + blockSize) return null;
  if (blockCount(length, blockSize) > MAX_BLOCKS) return null;
  return {
    transferId: body.slice(0, TRANSFER_ID_BYTES),
    length,
    blockSize,
    index: view.getUint32(14),
    block: body.subarray(FRAME_HEADER_BYTES),
  };
}
