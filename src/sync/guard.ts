/**
 * Untrusted Yjs updates are decoded where a time limit can stop them before
 * they touch the document: a crafted update can make Yjs's decoder loop or
 * allocate without end (yjs issues 479, 498, 687). The browser runs the check
 * in a worker it can terminate; tests and benchmarks may use the inline check.
 */
import * as Y from 'yjs';

export type GuardVerdict = 'ok' | 'empty' | 'too-large' | 'malformed' | 'timeout';

export interface UpdateGuard {
  check(update: Uint8Array): Promise<GuardVerdict>;
  dispose(): void;
}

/** The limit every guard applies before decoding anything. */
export const MAX_UPDATE_BYTES = 32 * 1024 * 1024;

export function precheck(update: Uint8Array, maxBytes = MAX_UPDATE_BYTES): GuardVerdict | null {
  // An empty update makes the decoder read forever (yjs issue 498).
  if (update.length === 0) return 'empty';
  if (update.length > maxBytes) return 'too-large';
  return null;
}

/** Decodes the whole update once, here and now: for updates this phone made or trusts. */
export function decodeVerdict(update: Uint8Array): GuardVerdict {
  const early = precheck(update);
  if (early !== null) return early;
  try {
    Y.decodeUpdate(update);
    return 'ok';
  } catch {
    return 'malformed';
  }
}

export const inlineGuard: UpdateGuard = {
  check: (update) => Promise.resolve(decodeVerdict(update)),
  dispose: () => undefined,
};
