/**
 * The gate every record from outside passes before it counts: what
 * validate.ts reads (size, canonical shape, the kind's own rules, the
 * circle), then every required signature over the exact payload bytes
 * received. A rejected record is reported, never thrown. Apart from
 * validate.ts because it needs the signature code (signatures.ts), which
 * loads after the first screen.
 */
import { err, ok } from './result';
import type { Result } from './result';
import { isAcceptableSigningKey, verify } from './signatures';
import { readRecord } from './validate';
import type { RecordRejection, VerifiedRecord } from './validate';
import { verifyAll } from './verify-batch';
import type { SignatureCheck } from './verify-batch';

const checkNow = (check: SignatureCheck): boolean => verify(check.purpose, check.signature, check.message, check.publicKey);

export function validateRecord(bytes: Uint8Array, circle: Uint8Array, expectedId?: string): Result<VerifiedRecord, RecordRejection> {
  const read = readRecord(bytes, circle, expectedId, checkNow, isAcceptableSigningKey);
  if (!read.ok) return read;
  if (!read.value.checks.every(checkNow)) return err({ problem: 'bad-signature', ...read.value.where });
  return ok(read.value.record);
}

export interface RecordToValidate {
  readonly bytes: Uint8Array;
  /** The id a peer filed it under, when it came in a shared document. */
  readonly id?: string;
}

/**
 * Validates many records at once, with the same answers validateRecord gives
 * one by one: shapes are read here, and every signature, inner ones too, is
 * checked in one batch (verify-batch.ts) that the platform can run off the
 * main thread.
 */
export async function validateRecords(batch: readonly RecordToValidate[], circle: Uint8Array): Promise<Result<VerifiedRecord, RecordRejection>[]> {
  const reads = batch.map(({ bytes, id }) => {
    const inner: SignatureCheck[] = [];
    const read = readRecord(bytes, circle, id, (check) => inner.push(check) > 0, isAcceptableSigningKey);
    return read.ok ? ok({ ...read.value, checks: [...inner, ...read.value.checks] }) : read;
  });
  const checks = reads.flatMap((read) => (read.ok ? read.value.checks : []));
  const answers = await verifyAll(checks);
  let next = 0;
  return reads.map((read) => {
    if (!read.ok) return read;
    const passed = answers.slice(next, next + read.value.checks.length).every(Boolean);
    next += read.value.checks.length;
    return passed ? ok(read.value.record) : err({ problem: 'bad-signature', ...read.value.where });
  });
}
