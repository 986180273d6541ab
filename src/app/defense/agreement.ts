/**
 * Writing and signing the solidarity agreement. A version is the whole text;
 * a signature names a version and the SHA-256 of its text, and the record
 * that carries them is signed with the member's key.
 */
import type { RecordId } from '../../domain/events';
import { agreementSignedBody, agreementTextHash, agreementVersionBody, checkAgreementVersionFields } from '../../records/kinds/agreement';
import { normalizeText } from '../../records/kinds/tool-fields';
import { err, ok } from '../../records/result';
import type { Result } from '../../records/result';
import { agreementOf } from '../agreement-view';
import type { AppDeps } from '../deps';
import type { OpenCircle } from '../open-circle';
import { signAndStore } from '../records';

/**
 * text: empty or too long; unknown-version: `revises` or a merged version is not
 * on this phone; first-exists: a first version when there is one already (revise it);
 * unchanged: the same text as the version it revises, which would ask everyone to sign again for nothing.
 */
export type ProposeProblem = 'text' | 'merges' | 'unknown-version' | 'first-exists' | 'unchanged';

/**
 * A new version of the agreement: the first (`revises` null, from the starting
 * template or not) or an edit of a version. `merges` names other current heads
 * whose changes the member took into this text, so they stop being concurrent.
 */
export async function proposeVersion(
  circle: OpenCircle,
  text: string,
  revises: RecordId | null,
  deps: AppDeps,
  merges: readonly RecordId[] = [],
): Promise<Result<RecordId, ProposeProblem>> {
  const fields = { text: normalizeText(text), revises, merges: [...new Set(merges)] };
  const problem = checkAgreementVersionFields(fields);
  if (problem !== null) return err(problem);
  const agreement = agreementOf(circle.replica.current());
  const known = new Map(agreement.versions.map((version) => [version.id, version]));
  if (revises === null && agreement.versions.length > 0) return err('first-exists');
  if ((revises !== null && !known.has(revises)) || fields.merges.some((id) => !known.has(id))) return err('unknown-version');
  if (revises !== null && known.get(revises)?.text === fields.text) return err('unchanged');
  return ok((await signAndStore(circle, 'agreement.version', agreementVersionBody(fields), deps)).id);
}

export type SignProblem = 'unknown-version' | 'already-signed';

/** Signs a version this phone holds, over the hash of its text as this phone computes it. */
export async function signVersion(circle: OpenCircle, versionId: RecordId, deps: AppDeps): Promise<Result<RecordId, SignProblem>> {
  const version = agreementOf(circle.replica.current()).versions.find((candidate) => candidate.id === versionId);
  if (version === undefined) return err('unknown-version');
  if (version.signers.includes(circle.membership.memberKey)) return err('already-signed');
  const body = agreementSignedBody(version.id, agreementTextHash(version.text));
  return ok((await signAndStore(circle, 'agreement.signed', body, deps)).id);
}
