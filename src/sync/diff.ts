/**
 * What a peer lacks, for carriers that cannot hold a conversation (an animated
 * code, a file): the peer's state vector says what it has, and the diff is
 * everything this document holds beyond that. Yjs merges a diff any number of
 * times and in any order, so sending too much is harmless; sending too little
 * is not, which is why an unreadable state vector is refused rather than
 * treated as empty or partial.
 */
import * as Y from 'yjs';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';

/** A state vector is about 8 bytes per writer session; far more than any honest circle has. */
export const MAX_STATE_VECTOR_BYTES = 64 * 1024;

export type StateVectorProblem = 'empty' | 'too-large' | 'malformed';

export function stateVectorOf(doc: Y.Doc): Uint8Array {
  return Y.encodeStateVector(doc);
}

/** Reads one unsigned varint (7 bits a byte, at most 53 bits): the end offset, or -1. */
function skipVarUint(bytes: Uint8Array, at: number): number {
  for (let i = 0; i < 8 && at + i < bytes.length; i++) {
    if (bytes[at + i]! < 0x80) return at + i + 1;
  }
  return -1;
}

/**
 * Checks the layout (a count, then that many client and clock varints, and
 * nothing after) before Yjs reads it, so a claimed count cannot make anyone
 * loop, and trailing bytes are not silently ignored.
 */
export function parseStateVector(bytes: Uint8Array): Result<Map<number, number>, StateVectorProblem> {
  if (bytes.length === 0) return err('empty');
  if (bytes.length > MAX_STATE_VECTOR_BYTES) return err('too-large');
  let at = skipVarUint(bytes, 0);
  if (at < 0 || at > 5) return err('malformed');
  let entries = 0;
  while (at >= 0 && at < bytes.length) {
    at = skipVarUint(bytes, at);
    if (at >= 0) at = skipVarUint(bytes, at);
    entries++;
  }
  if (at !== bytes.length) return err('malformed');
  try {
    const vector = Y.decodeStateVector(bytes);
    // Repeated clients would collapse in the map: the text said something the map does not.
    if (vector.size !== entries) return err('malformed');
    for (const [client, clock] of vector) {
      if (!Number.isSafeInteger(client) || !Number.isSafeInteger(clock)) return err('malformed');
    }
    return ok(vector);
  } catch {
    return err('malformed');
  }
}

/** Everything `doc` holds that a peer with `theirStateVector` lacks, as one V1 update. */
export function missingUpdates(doc: Y.Doc, theirStateVector: Uint8Array): Result<Uint8Array, StateVectorProblem> {
  const parsed = parseStateVector(theirStateVector);
  if (!parsed.ok) return parsed;
  return ok(Y.encodeStateAsUpdate(doc, theirStateVector));
}

/** Everything `doc` holds: for a peer whose state vector could not be carried. */
export function allUpdates(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}
