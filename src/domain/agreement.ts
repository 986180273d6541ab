/**
 * The solidarity agreement: a text members write together, version by version,
 * and sign. Pure: the circle's members come in.
 *
 * Versions form a tree through `revises` (and `merges`, for an edit that takes
 * in versions written beside it). A head is a version nobody has revised or
 * merged; the current version is the latest head by (time, id), and any other
 * heads are concurrent edits, kept and listed for someone to merge, as for
 * repair tutorials. A member's signature counts for the version it names when
 * its hash is that version's text's; a member who signed only other versions
 * is asked to sign again. What does not count is listed, never thrown.
 */
import type { AgreementSigned, AgreementVersion } from './defense-events';
import type { CircleEvent, MemberKey, RecordId } from './events';
import { compareEvents } from './events';

export interface AgreementVersionState {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly at: number;
  readonly text: string;
  readonly textHash: string;
  readonly revises: RecordId | null;
  readonly merges: readonly RecordId[];
  /** Members whose signature of this version counts, in key order. */
  readonly signers: readonly MemberKey[];
}

/** signed: has signed the current version; sign-again: signed only other versions; unsigned: none. */
export type AgreementStanding = 'signed' | 'sign-again' | 'unsigned';

export interface MemberAgreement {
  readonly standing: AgreementStanding;
  /** The version of the member's latest counted signature, by (time, id); null when none. */
  readonly lastSigned: RecordId | null;
  readonly lastSignedAt: number | null;
}

export type AgreementProblemReason = 'hash-mismatch' | 'unknown-version' | 'not-a-member' | 'unknown-parent';

export interface AgreementProblem {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly kind: 'agreement.version' | 'agreement.signed';
  readonly reason: AgreementProblemReason;
}

export interface AgreementState {
  /** The latest head by (time, id); null before anyone wrote a version. */
  readonly current: AgreementVersionState | null;
  /** The other heads: versions written beside the current one that nobody has merged yet, oldest first. */
  readonly concurrent: readonly AgreementVersionState[];
  /** Every version that counts, oldest first. */
  readonly versions: readonly AgreementVersionState[];
  /** One entry per member of the circle. */
  readonly members: ReadonlyMap<MemberKey, MemberAgreement>;
  readonly counts: { readonly members: number; readonly signedCurrent: number; readonly signAgain: number };
  /** Records that do not count, in (time, id) order. */
  readonly problems: readonly AgreementProblem[];
}

export function projectAgreement(events: readonly CircleEvent[], members: ReadonlyMap<MemberKey, unknown>): AgreementState {
  const versions = new Map<RecordId, AgreementVersion>();
  const signatures = new Map<RecordId, AgreementSigned>();
  for (const event of events) {
    if (event.kind === 'agreement.version') versions.set(event.id, event);
    else if (event.kind === 'agreement.signed') signatures.set(event.id, event);
  }
  const problems: (AgreementProblem & { readonly at: number })[] = [];
  const problem = (event: AgreementVersion | AgreementSigned, reason: AgreementProblemReason) =>
    problems.push({ id: event.id, author: event.author, at: event.at, kind: event.kind, reason });

  const candidates: AgreementVersion[] = [];
  for (const version of versions.values()) {
    if (members.has(version.author)) candidates.push(version);
    else problem(version, 'not-a-member');
  }
  const counted = countedVersions(candidates.sort(compareEvents));
  for (const version of candidates) if (!counted.has(version.id)) problem(version, 'unknown-parent');

  const signers = new Map<RecordId, Set<MemberKey>>();
  const lastOf = new Map<MemberKey, AgreementSigned>();
  for (const signature of [...signatures.values()].sort(compareEvents)) {
    const version = counted.get(signature.version);
    if (!members.has(signature.author)) problem(signature, 'not-a-member');
    else if (version === undefined) problem(signature, 'unknown-version');
    else if (version.textHash !== signature.textHash) problem(signature, 'hash-mismatch');
    else {
      const set = signers.get(version.id) ?? new Set<MemberKey>();
      signers.set(version.id, set.add(signature.author));
      lastOf.set(signature.author, signature);
    }
  }

  const history = [...counted.values()].map((version): AgreementVersionState => ({
    id: version.id,
    author: version.author,
    at: version.at,
    text: version.text,
    textHash: version.textHash,
    revises: version.revises,
    merges: version.merges,
    signers: [...(signers.get(version.id) ?? [])].sort(),
  }));
  const superseded = new Set<RecordId>();
  for (const version of history) {
    if (version.revises !== null) superseded.add(version.revises);
    for (const merged of version.merges) superseded.add(merged);
  }
  const heads = history.filter((version) => !superseded.has(version.id));
  const current = heads[heads.length - 1] ?? null;

  const standings = new Map<MemberKey, MemberAgreement>();
  let signedCurrent = 0;
  let signAgain = 0;
  for (const member of [...members.keys()].sort()) {
    const last = lastOf.get(member);
    const signedIt = current !== null && current.signers.includes(member);
    const standing: AgreementStanding = signedIt ? 'signed' : last === undefined ? 'unsigned' : 'sign-again';
    if (standing === 'signed') signedCurrent++;
    if (standing === 'sign-again') signAgain++;
    standings.set(member, { standing, lastSigned: last?.version ?? null, lastSignedAt: last?.at ?? null });
  }

  return {
    current,
    concurrent: heads.slice(0, -1),
    versions: history,
    members: standings,
    counts: { members: members.size, signedCurrent, signAgain },
    problems: problems.sort(compareEvents).map(({ id, author, kind, reason }) => ({ id, author, kind, reason })),
  };
}

/**
 * The versions whose every parent counts, in the order given. Parents come
 * before their children in (time, id) order unless a clock ran behind, so
 * passes repeat only while a late parent lets another version in.
 */
function countedVersions(sorted: readonly AgreementVersion[]): Map<RecordId, AgreementVersion> {
  const counted = new Set<RecordId>();
  let waiting = sorted;
  for (;;) {
    const next = waiting.filter((version) => {
      const parents = version.revises === null ? version.merges : [version.revises, ...version.merges];
      if (!parents.every((parent) => counted.has(parent))) return true;
      counted.add(version.id);
      return false;
    });
    if (next.length === waiting.length) break;
    waiting = next;
  }
  return new Map(sorted.filter((version) => counted.has(version.id)).map((version) => [version.id, version]));
}
