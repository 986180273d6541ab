/**
 * Signs a record of this member's and stores it: the one path by which every
 * use case writes, so each resolves only once its record is on disk.
 */
import type { CborMap } from '../records/cbor';
import type { CircleEventKind } from '../domain/events';
import { makeRecord } from '../records/make';
import type { SignedBytes } from '../records/make';
import type { AppDeps } from './deps';
import type { OpenCircle } from './open-circle';

export async function signAndStore(circle: OpenCircle, kind: CircleEventKind, body: CborMap, deps: AppDeps): Promise<SignedBytes> {
  const record = makeRecord({ kind, circle: circle.replica.circleId, at: deps.now(), body }, circle.signing);
  const added = await circle.replica.add(record.bytes);
  if (!added.ok) throw new Error(`a ${kind} record made here was rejected: ${added.error.problem}`);
  return record;
}
