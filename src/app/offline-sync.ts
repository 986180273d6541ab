/**
 * Syncing with no network at all: the updates another phone lacks, sealed with
 * the circle key, carried by an animated code or a file. Everything received
 * passes the same guard and checks as a live session's updates.
 */
import { bytesEqual, concatBytes } from '../records/bytes';
import { CIRCLE_ID_BYTES } from '../records/envelope';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import { parseStateVector, stateVectorOf } from '../sync/diff';
import { sealedDiff } from '../sync/animated';
import type { GuardVerdict, UpdateGuard } from '../sync/guard';
import { openSealedUpdates, sealUpdates } from '../sync/sealed-file';
import type { OpenProblem } from '../sync/sealed-file';
import { allUpdates } from '../sync/diff';
import type { AppDeps } from './deps';
import type { OpenCircle } from './open-circle';

function circleKey(circle: OpenCircle): { readonly id: Uint8Array; readonly secret: Uint8Array } {
  return { id: circle.replica.circleId, secret: circle.circleSecret };
}

/** "This is what I have": the circle id and this phone's state vector, to show as an animated code. */
export function whatIHave(circle: OpenCircle): Uint8Array {
  return concatBytes(circle.replica.circleId, stateVectorOf(circle.replica.doc));
}

export type WhatTheyHaveProblem = 'other-circle' | 'malformed';

/** What the other phone lacks, sealed, from the "what I have" payload it showed. */
export function whatTheyLack(circle: OpenCircle, theirs: Uint8Array, deps: AppDeps): Result<Uint8Array, WhatTheyHaveProblem | 'too-large'> {
  if (theirs.length <= CIRCLE_ID_BYTES) return err('malformed');
  if (!bytesEqual(theirs.subarray(0, CIRCLE_ID_BYTES), circle.replica.circleId)) return err('other-circle');
  const stateVector = theirs.slice(CIRCLE_ID_BYTES);
  if (!parseStateVector(stateVector).ok) return err('malformed');
  const sealed = sealedDiff(circleKey(circle), circle.replica.doc, stateVector, deps.random);
  if (sealed.ok) return sealed;
  return err(sealed.error === 'too-large' ? 'too-large' : 'malformed');
}

/** The whole circle as this phone holds it, sealed: the file to pass on by Bluetooth, a USB stick or a messenger. */
export function exportEverything(circle: OpenCircle, deps: AppDeps): Result<Uint8Array, 'too-large'> {
  return sealUpdates(circleKey(circle), allUpdates(circle.replica.doc), deps.random);
}

export type ReceiveProblem = OpenProblem | Exclude<GuardVerdict, 'ok'> | 'rejected';

export interface Received {
  /** Entries the document did not have before. */
  readonly newEntries: number;
}

/** Opens sealed updates (from a code or a file), checks them, and merges them. */
export async function receiveSealed(circle: OpenCircle, bytes: Uint8Array, guard: UpdateGuard): Promise<Result<Received, ReceiveProblem>> {
  const opened = openSealedUpdates(circleKey(circle), bytes);
  if (!opened.ok) return opened;
  const verdict = await guard.check(opened.value);
  if (verdict === 'empty') return ok({ newEntries: 0 });
  if (verdict !== 'ok') return err(verdict);
  const entries = circle.replica.doc.getMap('records');
  const before = entries.size;
  const applied = circle.replica.applyRemoteUpdate(opened.value, 'sealed');
  if (!applied.ok) return err(applied.error === 'too-large' ? 'too-large' : 'rejected');
  return ok({ newEntries: entries.size - before });
}
