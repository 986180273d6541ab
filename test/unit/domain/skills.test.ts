import { describe, expect, it } from 'vitest';
import { projectCircle } from '../../../src/domain/circle';
import { DEFAULT_SKILLS, findSkill, isKnownSkill, projectSkills } from '../../../src/domain/skills';
import { admitted, circle, circleEvents, DAY, HOUR, key, T0, skillAdded } from '../../fixtures/ledger';

const members = circle(3);

describe('DEFAULT_SKILLS', () => {
  it('lists the starting skills in order', () => {
    expect(DEFAULT_SKILLS.map((skill) => skill.key)).toEqual([
      'repair',
      'gardening',
      'childcare',
      'tutoring',
      'cooking',
      'transport',
      'care',
      'tech-help',
      'crafts',
      'paperwork',
      'language',
      'health',
    ]);
  });

  it('marks the skills of food, care, shelter, health and repair as essential', () => {
    expect(DEFAULT_SKILLS.filter((skill) => skill.essential).map((skill) => skill.key)).toEqual([
      'repair',
      'childcare',
      'cooking',
      'care',
      'health',
    ]);
  });
});

describe('projectSkills', () => {
  it('is the starting list when no one added any, with keys and no names', () => {
    const list = projectSkills([], members);
    expect(list.skills).toHaveLength(12);
    expect(list.skills[0]).toEqual({ ref: 'repair', name: null, key: 'repair', essential: true, addedBy: null, addedAt: null });
    expect(list.ignored).toEqual([]);
  });

  it('adds skills from members after the starting ones, in time order', () => {
    const later = skillAdded('custom:bbb', 'Bike repair', key(2), T0 + 2 * HOUR, true);
    const earlier = skillAdded('custom:aaa', 'Beekeeping', key(1), T0 + HOUR);
    const list = projectSkills([later, earlier, ...circleEvents(3)], members);
    expect(list.skills.slice(12)).toEqual([
      { ref: 'custom:aaa', name: 'Beekeeping', key: null, essential: false, addedBy: key(1), addedAt: T0 + HOUR },
      { ref: 'custom:bbb', name: 'Bike repair', key: null, essential: true, addedBy: key(2), addedAt: T0 + 2 * HOUR },
    ]);
  });

  it('keeps the first of two skills with the same ref, by time then id', () => {
    const second = skillAdded('custom:x', 'Second', key(1), T0 + HOUR, false, 'id-b');
    const first = skillAdded('custom:x', 'First', key(2), T0 + HOUR, false, 'id-a');
    for (const events of [
      [first, second],
      [second, first],
    ]) {
      const list = projectSkills(events, members);
      expect(list.skills.filter((skill) => skill.ref === 'custom:x').map((skill) => skill.name)).toEqual(['First']);
      expect(list.ignored).toEqual([{ id: 'id-b', ref: 'custom:x', author: key(1), at: T0 + HOUR, reason: 'duplicate-ref' }]);
    }
  });

  it('does not let an added skill take a starting skill ref', () => {
    const list = projectSkills([skillAdded('repair', 'Not repair')], members);
    expect(findSkill(list, 'repair')?.name).toBeNull();
    expect(list.ignored.map((entry) => entry.reason)).toEqual(['duplicate-ref']);
  });

  it('ignores skills from non-members and from before their membership', () => {
    const late = projectCircle([...circleEvents(2), admitted('late', T0 + DAY)]);
    const list = projectSkills(
      [skillAdded('custom:s', 'Stranger', 'stranger'), skillAdded('custom:e', 'Early', 'late', T0 + HOUR)],
      late,
    );
    expect(list.skills).toHaveLength(12);
    expect(list.ignored.map((entry) => [entry.ref, entry.reason])).toEqual([
      ['custom:e', 'not-a-member-then'],
      ['custom:s', 'awaiting-history'],
    ]);
  });

  it('counts the same record once', () => {
    const event = skillAdded('custom:a', 'A');
    const list = projectSkills([event, event], members);
    expect(list.skills).toHaveLength(13);
    expect(list.ignored).toEqual([]);
  });
});

describe('isKnownSkill', () => {
  it('knows starting and added skills, not others', () => {
    const list = projectSkills([skillAdded('custom:a', 'A')], members);
    expect(isKnownSkill(list, 'health')).toBe(true);
    expect(isKnownSkill(list, 'custom:a')).toBe(true);
    expect(isKnownSkill(list.skills, 'custom:a')).toBe(true);
    expect(isKnownSkill(list, 'custom:b')).toBe(false);
    expect(isKnownSkill(list, 'Repair')).toBe(false);
  });
});

describe('marking skills essential', () => {
  const mark = (skill: string, essential: boolean, at: number, author = key(0), id = `mark-${skill}-${at}`) =>
    ({ kind: 'skill.marked', id, author, at, skill, essential }) as const;

  it('lets the circle change which skills are essential, the latest mark standing', () => {
    const list = projectSkills([mark('tutoring', true, T0), mark('repair', false, T0 + HOUR), mark('tutoring', false, T0 + 2 * HOUR)], members);
    expect(findSkill(list, 'repair')?.essential).toBe(false);
    expect(findSkill(list, 'tutoring')?.essential).toBe(false);
    const later = projectSkills([mark('tutoring', false, T0), mark('tutoring', true, T0 + 2 * HOUR)], members);
    expect(findSkill(later, 'tutoring')?.essential).toBe(true);
  });

  it('gives the same answer in any order', () => {
    const events = [mark('crafts', true, T0), mark('crafts', false, T0 + HOUR), skillAdded('custom:AAAAAA', 'Sewing', key(0), T0)];
    const a = projectSkills(events, members);
    const b = projectSkills([...events].reverse(), members);
    expect(a.skills).toEqual(b.skills);
  });

  it('ignores marks by someone who was not a member', () => {
    const list = projectSkills([mark('crafts', true, T0, 'outsider')], members);
    expect(findSkill(list, 'crafts')?.essential).toBe(false);
  });

  it('leaves a skill unchanged when the circle does not know the ref', () => {
    expect(isKnownSkill(projectSkills([mark('custom:ZZZZZZ', true, T0)], members), 'custom:ZZZZZZ')).toBe(false);
  });
});
