import { describe, expect, it } from 'vitest';
import { projectTools } from '../../../src/domain/tools';
import { circle, HOUR, key, T0 } from '../../fixtures/ledger';
import { areaNamed, labelClaimed, registered, rulesChanged, tutorial, volunteered } from './tools-fixture';

const [A, B, C] = [key(0), key(1), key(2)];
const members = circle(4);
const drill = registered({ id: 'drill', by: A, at: T0 });
const saw = registered({ id: 'saw', by: B, at: T0 + 1 });

describe('projectTools: areas and labels', () => {
  it('keeps every naming as its own area, even a repeated name', () => {
    const first = areaNamed('Corner', A, T0);
    const second = areaNamed('Corner', B, T0 + HOUR);
    const state = projectTools([first, second], members);
    expect([...state.areas.keys()]).toEqual([first.id, second.id]);
  });

  it('gives a label to its first claim; a tool may carry several', () => {
    const one = labelClaimed('AAAA', 'drill', A, T0 + HOUR);
    const two = labelClaimed('BBBB', 'drill', A, T0 + 2 * HOUR);
    const taken = labelClaimed('AAAA', 'saw', B, T0 + 3 * HOUR);
    const state = projectTools([taken, two, saw, one, drill], members);
    expect([...state.labels]).toEqual([
      ['AAAA', 'drill'],
      ['BBBB', 'drill'],
    ]);
    expect(state.tools.get('drill')!.labels).toEqual(['AAAA', 'BBBB']);
    expect(state.tools.get('saw')!.labels).toEqual([]);
    expect(state.ignored.map((entry) => [entry.id, entry.reason])).toEqual([[taken.id, 'label-taken']]);
  });
});

describe('projectTools: rules', () => {
  it('defaults to three loans and 48-hour holds', () => {
    expect(projectTools([], members).rules).toEqual({ maxHeld: 3, holdHours: 48 });
  });

  it('takes the latest valid change, and lists one it cannot apply', () => {
    const older = rulesChanged(A, T0 + HOUR, 5, 24);
    const newer = rulesChanged(B, T0 + 2 * HOUR, 2, 72);
    const broken = rulesChanged(C, T0 + 3 * HOUR, 0, 24);
    const state = projectTools([newer, broken, older], members);
    expect(state.rules).toEqual({ maxHeld: 2, holdHours: 72 });
    expect(state.ignored.map((entry) => [entry.id, entry.reason])).toEqual([[broken.id, 'bad-rules']]);
  });

  it('does not obey a change by someone who is not a member', () => {
    expect(projectTools([rulesChanged('stranger', T0, 9, 9)], members).rules).toEqual({ maxHeld: 3, holdHours: 48 });
  });
});

describe('projectTools: volunteers', () => {
  it('keeps each member’s latest word and since when, and the whole history', () => {
    const events = [volunteered(A, T0), volunteered(A, T0 + HOUR), volunteered(B, T0), volunteered(B, T0 + 2 * HOUR, false)];
    const state = projectTools(events, members);
    expect(state.volunteers.get(A)).toEqual({ willing: true, since: T0 });
    expect(state.volunteers.get(B)).toEqual({ willing: false, since: T0 + 2 * HOUR });
    expect(state.volunteerHistory.map((record) => [record.member, record.willing])).toEqual([
      [A, true],
      [B, true],
      [A, true],
      [B, false],
    ]);
  });
});

describe('projectTools: tutorials', () => {
  it('shows the newest edit and keeps concurrent ones as other heads', () => {
    const v1 = tutorial({ id: 'v1', by: A, at: T0, tools: ['drill'] });
    const v2 = tutorial({ id: 'v2', by: B, at: T0 + HOUR, replaces: 'v1', tools: ['drill', 'saw'] });
    const v3 = tutorial({ id: 'v3', by: C, at: T0 + 2 * HOUR, replaces: 'v1', tools: ['saw'] });
    const v4 = tutorial({ id: 'v4', by: A, at: T0 + 3 * HOUR, replaces: 'v3', tools: ['saw'], text: 'newest' });
    const state = projectTools([v4, saw, v2, drill, v3, v1], members);
    const guide = state.tutorials.get('v1')!;
    expect(guide).toMatchObject({ id: 'v1', current: 'v4', text: 'newest', tools: ['saw'], otherHeads: ['v2'] });
    expect(guide.versions.map((version) => version.id)).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(state.tools.get('saw')!.tutorials).toEqual(['v1']);
    expect(state.tools.get('drill')!.tutorials).toEqual([]);
  });

  it('waits for the version an edit replaces', () => {
    const orphan = tutorial({ id: 'v2', by: B, at: T0 + HOUR, replaces: 'v1' });
    const state = projectTools([orphan], members);
    expect(state.tutorials.size).toBe(0);
    expect(state.ignored.map((entry) => [entry.id, entry.reason])).toEqual([['v2', 'awaiting-history']]);
  });
});
