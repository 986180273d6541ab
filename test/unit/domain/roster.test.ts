import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../../../src/domain/defense-events';
import { membersWithRole, projectRoster, rosterPhoneTree } from '../../../src/domain/roster';

function entry(author: string, at: number, roles: RosterEntry['roles'], id = `${author}-${at}`): RosterEntry {
  return { kind: 'roster.entry', id, author, at, roles, skills: [], languages: [], housing: null, sealedContacts: null };
}

const members = new Map([
  ['ana', { since: 0 }],
  ['bo', { since: 100 }],
  ['cy', { since: 0 }],
]);

describe('the roster', () => {
  it('keeps each member’s latest entry, whatever order the records came in', () => {
    const events = [entry('ana', 50, ['caller']), entry('ana', 10, ['fund']), entry('cy', 5, ['court'])];
    const forwards = projectRoster(events, members);
    const backwards = projectRoster([...events].reverse(), members);
    expect(forwards.entries.get('ana')?.roles).toEqual(['caller']);
    expect(backwards.entries).toEqual(forwards.entries);
  });

  it('breaks a tie of times by record id, the same on every phone', () => {
    const a = entry('ana', 50, ['caller'], 'id-a');
    const b = entry('ana', 50, ['fund'], 'id-b');
    expect(projectRoster([a, b], members).entries.get('ana')?.id).toBe('id-b');
    expect(projectRoster([b, a], members).entries.get('ana')?.id).toBe('id-b');
  });

  it('ignores an entry by a non-member and one from before membership, and says why', () => {
    const state = projectRoster([entry('zed', 50, ['caller']), entry('bo', 50, ['caller'])], members);
    expect(state.entries.size).toBe(0);
    expect(state.ignored.map((ignored) => ignored.reason)).toEqual(['not-a-member', 'before-membership']);
  });

  it('lists who took a role and builds the phone tree from the callers', () => {
    const state = projectRoster([entry('cy', 5, ['caller']), entry('bo', 150, ['caller', 'fund'])], members);
    expect(membersWithRole(state, 'caller')).toEqual(['bo', 'cy']);
    expect(membersWithRole(state, 'fund')).toEqual(['bo']);
    const tree = rosterPhoneTree(state, members.keys(), 'ana', 'circle-id');
    expect(tree.root).toBe('ana');
    expect(new Set(tree.callsFor('ana'))).toEqual(new Set(['bo', 'cy']));
    expect(tree.unassigned).toEqual([]);
  });
});
