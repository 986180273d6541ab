import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectAgreement } from '../../../src/domain/agreement';
import type { AgreementSigned, AgreementVersion } from '../../../src/domain/defense-events';
import type { CircleEvent } from '../../../src/domain/events';

// The domain takes the hash as the records layer computed it; any stand-in string does here.
const hashOf = (text: string) => `h(${text})`;

function version(id: string, author: string, at: number, text: string, revises: string | null = null, merges: string[] = []): AgreementVersion {
  return { kind: 'agreement.version', id, author, at, text, textHash: hashOf(text), revises, merges };
}

function signed(id: string, author: string, at: number, of: AgreementVersion, textHash = of.textHash): AgreementSigned {
  return { kind: 'agreement.signed', id, author, at, version: of.id, textHash };
}

const members = new Map([
  ['ana', { since: 0 }],
  ['bo', { since: 0 }],
  ['cy', { since: 0 }],
]);

const v1 = version('v1', 'ana', 10, 'We answer alerts.');
const v2 = version('v2', 'bo', 20, 'We answer alerts.\n\nWe keep secrets.', 'v1');

describe('the solidarity agreement', () => {
  it('has no current version before anyone writes one, and everyone unsigned', () => {
    const state = projectAgreement([], members);
    expect(state.current).toBeNull();
    expect(state.counts).toEqual({ members: 3, signedCurrent: 0, signAgain: 0 });
    expect([...state.members.values()].every((member) => member.standing === 'unsigned')).toBe(true);
  });

  it('shows the latest version and its history, with who signed which', () => {
    const state = projectAgreement([v2, v1, signed('s1', 'ana', 11, v1), signed('s2', 'bo', 21, v2)], members);
    expect(state.current?.id).toBe('v2');
    expect(state.concurrent).toEqual([]);
    expect(state.versions.map((entry) => [entry.id, entry.signers])).toEqual([
      ['v1', ['ana']],
      ['v2', ['bo']],
    ]);
    expect(state.problems).toEqual([]);
  });

  it('asks a member who signed an older version to sign again', () => {
    const state = projectAgreement([v1, signed('s1', 'ana', 11, v1), signed('s2', 'bo', 12, v1), v2, signed('s3', 'bo', 21, v2)], members);
    expect(state.members.get('ana')).toEqual({ standing: 'sign-again', lastSigned: 'v1', lastSignedAt: 11 });
    expect(state.members.get('bo')).toEqual({ standing: 'signed', lastSigned: 'v2', lastSignedAt: 21 });
    expect(state.members.get('cy')).toEqual({ standing: 'unsigned', lastSigned: null, lastSignedAt: null });
    expect(state.counts).toEqual({ members: 3, signedCurrent: 1, signAgain: 1 });
  });

  it('keeps two versions revising the same one, shows the later and lists the other as concurrent', () => {
    const other = version('v2b', 'cy', 25, 'We answer alerts.\n\nWe share food.', 'v1');
    const state = projectAgreement([v1, v2, other], members);
    expect(state.current?.id).toBe('v2b');
    expect(state.concurrent.map((entry) => entry.id)).toEqual(['v2']);
    expect(state.versions).toHaveLength(3);
    // Same time: the id decides, the same on every phone.
    const tie = version('v1z', 'cy', 20, 'Tie.', 'v1');
    expect(projectAgreement([v1, v2, tie], members).current?.id).toBe('v2');
    expect(projectAgreement([v1, tie, v2], members).concurrent.map((entry) => entry.id)).toEqual(['v1z']);
  });

  it('settles concurrent versions once an edit merges them', () => {
    const other = version('v2b', 'cy', 25, 'We share food.', 'v1');
    const merged = version('v3', 'ana', 30, 'We answer alerts, keep secrets and share food.', 'v2b', ['v2']);
    const state = projectAgreement([v1, v2, other, merged], members);
    expect(state.current?.id).toBe('v3');
    expect(state.concurrent).toEqual([]);
  });

  it('does not count a signature whose hash is not the version’s text’s', () => {
    const state = projectAgreement([v1, signed('s1', 'ana', 11, v1, hashOf('Other words.'))], members);
    expect(state.current?.signers).toEqual([]);
    expect(state.members.get('ana')?.standing).toBe('unsigned');
    expect(state.problems).toEqual([{ id: 's1', author: 'ana', kind: 'agreement.signed', reason: 'hash-mismatch' }]);
  });

  it('lists signatures and versions by non-members, signatures of unknown versions and versions of unknown parents', () => {
    const orphan = version('v9', 'bo', 40, 'Orphan.', 'missing');
    const outsider = version('vz', 'zed', 5, 'Outsider.');
    const child = version('vc', 'ana', 50, 'Child of an orphan.', 'v9');
    const state = projectAgreement(
      [v1, orphan, outsider, child, signed('s1', 'zed', 11, v1), signed('s2', 'bo', 41, orphan), signed('s3', 'cy', 12, version('gone', 'cy', 1, 'x'))],
      members,
    );
    expect(state.current?.id).toBe('v1');
    expect(state.versions.map((entry) => entry.id)).toEqual(['v1']);
    expect(state.problems.map((problem) => [problem.id, problem.reason])).toEqual([
      ['vz', 'not-a-member'],
      ['s1', 'not-a-member'],
      ['s3', 'unknown-version'],
      ['v9', 'unknown-parent'],
      ['s2', 'unknown-version'],
      ['vc', 'unknown-parent'],
    ]);
    expect(state.counts.signedCurrent).toBe(0);
  });

  it('counts a version whose parent carries a later time (a clock running behind)', () => {
    const early = version('v0', 'bo', 5, 'Written on a slow clock.', 'v1');
    const state = projectAgreement([early, v1], members);
    expect(state.problems).toEqual([]);
    expect(state.current?.id).toBe('v0');
  });

  it('depends only on the set of events, not their order', () => {
    const v2b = version('v2b', 'cy', 20, 'Beside v2.', 'v1');
    const v3 = version('v3', 'ana', 30, 'Merged.', 'v2', ['v2b']);
    const events: CircleEvent[] = [
      v1,
      v2,
      v2b,
      v3,
      version('v4', 'zed', 31, 'Outsider.', 'v3'),
      version('v5', 'bo', 32, 'Orphan.', 'nope'),
      signed('s1', 'ana', 11, v1),
      signed('s2', 'bo', 21, v2),
      signed('s3', 'cy', 22, v2b),
      signed('s4', 'cy', 33, v3),
      signed('s5', 'bo', 34, v3, 'wrong'),
      signed('s6', 'ana', 30, v3),
      signed('s7', 'ana', 30, v2),
    ];
    const expected = projectAgreement(events, members);
    expect(expected.current?.id).toBe('v3');
    expect(expected.counts).toEqual({ members: 3, signedCurrent: 2, signAgain: 1 });
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), (shuffled) => {
        expect(projectAgreement(shuffled, members)).toEqual(expected);
      }),
      { seed: 34, numRuns: 200 },
    );
  });
});
