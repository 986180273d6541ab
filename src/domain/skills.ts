/**
 * The circle's skills: a starting list every circle shares, plus the ones its
 * members add. Starting skills have no name here: the interface translates
 * their key, so a circle reads the same list in every language.
 */
import { wasMemberAt } from './circle';
import type { CircleState } from './circle';
import { compareEvents } from './events';
import type { CircleEvent, MemberKey, RecordId, SkillAdded, SkillMarked, SkillRef } from './events';

export interface DefaultSkill {
  readonly key: string;
  /** Essential skills are those of food, care, shelter, health and repair. */
  readonly essential: boolean;
}

/** The starting skills, in the order a circle first shows them. */
export const DEFAULT_SKILLS: readonly DefaultSkill[] = [
  { key: 'repair', essential: true },
  { key: 'gardening', essential: false },
  { key: 'childcare', essential: true },
  { key: 'tutoring', essential: false },
  { key: 'cooking', essential: true },
  { key: 'transport', essential: false },
  { key: 'care', essential: true },
  { key: 'tech-help', essential: false },
  { key: 'crafts', essential: false },
  { key: 'paperwork', essential: false },
  { key: 'language', essential: false },
  { key: 'health', essential: true },
];

export interface Skill {
  readonly ref: SkillRef;
  /** Null for a starting skill: the interface translates its key. */
  readonly name: string | null;
  /** Null for a skill a member added. */
  readonly key: string | null;
  readonly essential: boolean;
  /** Null for a starting skill. */
  readonly addedBy: MemberKey | null;
  readonly addedAt: number | null;
}

export type SkillIgnoredReason = 'awaiting-history' | 'not-a-member-then' | 'duplicate-ref';

export interface IgnoredSkill {
  readonly id: RecordId;
  readonly ref: SkillRef;
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: SkillIgnoredReason;
}

export interface SkillList {
  /** Starting skills first, in their order, then added ones by time. */
  readonly skills: readonly Skill[];
  readonly ignored: readonly IgnoredSkill[];
}

const DEFAULT_LIST: readonly Skill[] = DEFAULT_SKILLS.map((skill) => ({
  ref: skill.key,
  name: null,
  key: skill.key,
  essential: skill.essential,
  addedBy: null,
  addedAt: null,
}));

/** The skills of the circle: the starting ones and those added by members at the time. */
export function projectSkills(events: Iterable<CircleEvent>, membership: CircleState): SkillList {
  const added: SkillAdded[] = [];
  const seen = new Set<RecordId>();
  for (const event of events) {
    if (event.kind !== 'skill.added' || seen.has(event.id)) continue;
    seen.add(event.id);
    added.push(event);
  }
  added.sort(compareEvents);

  const skills = [...DEFAULT_LIST];
  const refs = new Set<SkillRef>(skills.map((skill) => skill.ref));
  const ignored: IgnoredSkill[] = [];
  for (const event of added) {
    const ignore = (reason: SkillIgnoredReason): void => {
      ignored.push({ id: event.id, ref: event.skill, author: event.author, at: event.at, reason });
    };
    if (!wasMemberAt(membership, event.author, event.at)) {
      ignore(membership.members.has(event.author) ? 'not-a-member-then' : 'awaiting-history');
    } else if (refs.has(event.skill)) {
      // Sorted by time then id, so the first to claim a ref keeps it on every phone.
      ignore('duplicate-ref');
    } else {
      refs.add(event.skill);
      skills.push({ ref: event.skill, name: event.name, key: null, essential: event.essential, addedBy: event.author, addedAt: event.at });
    }
  }
  return { skills: applyMarks(skills, events, membership), ignored };
}

/**
 * Whether a skill is essential is the circle's call: the latest mark by a
 * member (by time, then id) stands over the skill's own flag.
 */
function applyMarks(skills: Skill[], events: Iterable<CircleEvent>, membership: CircleState): Skill[] {
  const marks: SkillMarked[] = [];
  for (const event of events) if (event.kind === 'skill.marked' && wasMemberAt(membership, event.author, event.at)) marks.push(event);
  if (marks.length === 0) return skills;
  marks.sort(compareEvents);
  const essential = new Map<SkillRef, boolean>();
  for (const mark of marks) essential.set(mark.skill, mark.essential);
  return skills.map((skill) => {
    const marked = essential.get(skill.ref);
    return marked === undefined || marked === skill.essential ? skill : { ...skill, essential: marked };
  });
}

/** Whether a ref names one of the circle's skills. */
export function isKnownSkill(list: SkillList | readonly Skill[], ref: SkillRef): boolean {
  const skills = 'skills' in list ? list.skills : list;
  return skills.some((skill) => skill.ref === ref);
}

/** The skill a ref names, if the circle knows it. */
export function findSkill(list: SkillList, ref: SkillRef): Skill | undefined {
  return list.skills.find((skill) => skill.ref === ref);
}
