/**
 * A receipt is the countersigned record itself, shown back as a code so that
 * the first phone holds it at once. Reading one is the same for every kind of
 * agreement; what it must be about is the caller's to check.
 */
import type { CircleEvent } from '../domain/events';
import { expectFrame } from '../qr/frame';
import type { ExpectFrameProblem } from '../qr/frame';
import { validateRecord } from '../records/verify-record';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import type { OpenCircle } from './open-circle';

export type ReceiptReadProblem = ExpectFrameProblem | 'tampered' | 'other-circle';

export interface ReadReceipt {
  readonly event: CircleEvent;
  readonly bytes: Uint8Array;
}

export function readReceipt(circle: OpenCircle, text: string, kind: number, version: number): Result<ReadReceipt, ReceiptReadProblem> {
  const frame = expectFrame(text, kind, [version]);
  if (!frame.ok) return frame;
  const validated = validateRecord(frame.value.body, circle.replica.circleId);
  if (!validated.ok) return err(validated.error.problem === 'wrong-circle' ? 'other-circle' : 'tampered');
  return ok({ event: validated.value.event, bytes: validated.value.bytes });
}

/** Stores a receipt's record; the replica re-checks it, and a refusal there is tampering too. */
export async function storeReceipt(circle: OpenCircle, receipt: ReadReceipt): Promise<boolean> {
  return (await circle.replica.add(receipt.bytes)).ok;
}
