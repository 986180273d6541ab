/**
 * The circle's membership as a pure function of its events. Every phone that
 * holds the same events computes the same members, whatever order they came in.
 */
import { compareEvents } from './events';
import type { CircleEvent, CircleFounded, MemberAdmitted, MemberKey, MemberProfileChanged, RecordId } from './events';

export interface Member {
  readonly key: MemberKey;
  readonly name: string;
  readonly boxKey: string;
  /** When membership began: the founding, or the admission that counts. */
  readonly since: number;
  /** Null for the founder. */
  readonly admittedBy: MemberKey | null;
  readonly admissionId: RecordId;
}

export interface CircleInfo {
  readonly name: string;
  readonly founder: MemberKey;
  readonly foundedAt: number;
  readonly foundingId: RecordId;
}

/**
 * Why an event does not count. "awaiting-history" is normal on a phone that has
 * just joined: the records that would make the author a member have not synced yet.
 */
export type IgnoredReason = 'awaiting-history' | 'not-a-member-then' | 'duplicate-founding' | 'already-a-member';

export interface IgnoredEvent {
  readonly id: RecordId;
  readonly kind: CircleEvent['kind'];
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: IgnoredReason;
}

export interface CircleState {
  readonly circle: CircleInfo | null;
  readonly members: ReadonlyMap<MemberKey, Member>;
  readonly ignored: readonly IgnoredEvent[];
}

export function projectCircle(events: Iterable<CircleEvent>): CircleState {
  const foundings: CircleFounded[] = [];
  const admissions: MemberAdmitted[] = [];
  const profiles: MemberProfileChanged[] = [];
  // The same record can reach a phone twice (two peers, an import); an id is a
  // hash of the bytes, so a repeated id is the same event and must count once.
  const seen = new Set<RecordId>();
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    if (event.kind === 'circle.founded') foundings.push(event);
    else if (event.kind === 'member.admitted') admissions.push(event);
    else if (event.kind === 'member.profile') profiles.push(event);
  }
  foundings.sort(compareEvents);
  admissions.sort(compareEvents);
  profiles.sort(compareEvents);

  const ignored: IgnoredEvent[] = [];
  const ignore = (event: CircleEvent, reason: IgnoredReason): void => {
    ignored.push({ id: event.id, kind: event.kind, author: event.author, at: event.at, reason });
  };

  const founding = foundings[0];
  if (founding === undefined) {
    for (const event of [...admissions, ...profiles]) ignore(event, 'awaiting-history');
    return { circle: null, members: new Map(), ignored };
  }
  for (const extra of foundings.slice(1)) ignore(extra, 'duplicate-founding');

  const members = new Map<MemberKey, Member>();
  members.set(founding.author, {
    key: founding.author,
    name: founding.founderName,
    boxKey: founding.founderBoxKey,
    since: founding.at,
    admittedBy: null,
    admissionId: founding.id,
  });

  admitInOrder(admissions, members);
  for (const admission of admissions) {
    const member = members.get(admission.member);
    if (member?.admissionId === admission.id) continue;
    if (member !== undefined) ignore(admission, 'already-a-member');
    else ignore(admission, members.has(admission.author) ? 'not-a-member-then' : 'awaiting-history');
  }

  for (const profile of profiles) {
    const member = members.get(profile.author);
    if (member === undefined) {
      ignore(profile, 'awaiting-history');
    } else if (member.since > profile.at) {
      ignore(profile, 'not-a-member-then');
    } else {
      // Sorted by time then id, so the last change to apply is the one that stands.
      members.set(profile.author, { ...member, name: profile.name });
    }
  }

  ignored.sort(compareEvents);
  return {
    circle: { name: founding.circleName, founder: founding.author, foundedAt: founding.at, foundingId: founding.id },
    members,
    ignored,
  };
}

/**
 * Admissions are sorted by time, and an admission can only lean on memberships
 * that began at or before its own time. So each millisecond is settled before
 * the next: within one millisecond a member admitted there may admit others and
 * sort first by id, so passes over that millisecond repeat until nothing
 * changes. Settling all times at once instead would let a later admission win
 * over an earlier one that only became valid on a second pass.
 */
function admitInOrder(admissions: readonly MemberAdmitted[], members: Map<MemberKey, Member>): void {
  let start = 0;
  while (start < admissions.length) {
    const at = admissions[start]!.at;
    let end = start;
    while (end < admissions.length && admissions[end]!.at === at) end++;
    const sameTime = admissions.slice(start, end);
    let changed = true;
    while (changed) {
      changed = false;
      for (const admission of sameTime) {
        if (members.has(admission.member)) continue;
        // Only the founder can have begun after this time: a backdated admission does not count.
        const admitter = members.get(admission.author);
        if (admitter === undefined || admitter.since > admission.at) continue;
        members.set(admission.member, {
          key: admission.member,
          name: admission.name,
          boxKey: admission.boxKey,
          since: admission.at,
          admittedBy: admission.author,
          admissionId: admission.id,
        });
        changed = true;
      }
    }
    start = end;
  }
}

/** Whether a key was a member at a given instant: the rule every later area applies to its records. */
export function wasMemberAt(state: CircleState, key: MemberKey, at: number): boolean {
  const member = state.members.get(key);
  return member !== undefined && member.since <= at;
}
