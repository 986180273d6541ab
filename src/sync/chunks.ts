/**
 * Splitting messages to fit a carrier and putting them back together. Chrome
 * refuses data-channel messages over 256 KiB (and stock y-webrtc fails
 * silently there), so every message travels as one or more pieces:
 *   whole:  0x00 | message
 *   piece:  0x01 | message id (4) | index (4) | count (4) | part
 * The channel is ordered, so the pieces of one message arrive together; the
 * reassembler holds one message at a time and refuses anything beyond limits.
 * Every piece but the last carries the same number of bytes, so the first
 * piece and its count bound the whole message: one announced beyond the limit
 * is refused at its first piece, and the receiver can show how far a message
 * in flight has come.
 */
import { err, ok } from '../records/result';
import type { Result } from '../records/result';

const WHOLE = 0;
const PIECE = 1;
const PIECE_HEADER = 13;

export function splitMessage(message: Uint8Array, maxBytes: number, messageId: number): Uint8Array[] {
  if (message.length + 1 <= maxBytes) {
    const whole = new Uint8Array(message.length + 1);
    whole[0] = WHOLE;
    whole.set(message, 1);
    return [whole];
  }
  const partBytes = maxBytes - PIECE_HEADER;
  if (partBytes <= 0) throw new RangeError('a carrier must take more than a piece header');
  const count = Math.ceil(message.length / partBytes);
  const pieces: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const part = message.subarray(index * partBytes, (index + 1) * partBytes);
    const piece = new Uint8Array(PIECE_HEADER + part.length);
    const view = new DataView(piece.buffer);
    piece[0] = PIECE;
    view.setUint32(1, messageId >>> 0);
    view.setUint32(5, index);
    view.setUint32(9, count);
    piece.set(part, PIECE_HEADER);
    pieces.push(piece);
  }
  return pieces;
}

export type ChunkProblem = 'malformed' | 'too-large';

/** How far the message in flight has come. */
export interface InFlight {
  readonly pieces: number;
  readonly count: number;
  readonly bytes: number;
  /** At most this many bytes in all: every piece as large as the first. */
  readonly maxBytes: number;
}

export class Reassembler {
  private id = -1;
  private expected = 0;
  private parts: Uint8Array[] = [];
  private size = 0;
  private partBytes = 0;

  constructor(private readonly maxMessageBytes: number) {}

  /** A whole message when one is complete, null while pieces are still coming. */
  accept(chunk: Uint8Array): Result<Uint8Array | null, ChunkProblem> {
    if (chunk.length === 0) return err('malformed');
    if (chunk[0] === WHOLE) {
      if (this.parts.length > 0) return err('malformed');
      if (chunk.length - 1 > this.maxMessageBytes) return err('too-large');
      return ok(chunk.slice(1));
    }
    if (chunk[0] !== PIECE || chunk.length <= PIECE_HEADER) return err('malformed');
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const id = view.getUint32(1);
    const index = view.getUint32(5);
    const count = view.getUint32(9);
    if (count < 2 || index >= count) return err('malformed');
    if (this.parts.length === 0) {
      if (index !== 0) return err('malformed');
      const partBytes = chunk.length - PIECE_HEADER;
      if ((count - 1) * partBytes >= this.maxMessageBytes) return err('too-large');
      this.id = id;
      this.expected = count;
      this.size = 0;
      this.partBytes = partBytes;
    } else if (id !== this.id || count !== this.expected || index !== this.parts.length) {
      return err('malformed');
    } else if (chunk.length - PIECE_HEADER > this.partBytes || (index < count - 1 && chunk.length - PIECE_HEADER !== this.partBytes)) {
      return err('malformed');
    }
    this.size += chunk.length - PIECE_HEADER;
    if (this.size > this.maxMessageBytes) return err('too-large');
    this.parts.push(chunk.subarray(PIECE_HEADER));
    if (this.parts.length < this.expected) return ok(null);
    const message = new Uint8Array(this.size);
    let offset = 0;
    for (const part of this.parts) {
      message.set(part, offset);
      offset += part.length;
    }
    this.parts = [];
    return ok(message);
  }

  /** The message whose pieces are arriving, or null between messages. */
  inFlight(): InFlight | null {
    if (this.parts.length === 0) return null;
    return { pieces: this.parts.length, count: this.expected, bytes: this.size, maxBytes: this.expected * this.partBytes };
  }
}
