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
  for (const event of events) {
    if (event.kind === 'circle.founded') foundings.push(event);
    else if (event.kind === 'member.admitted') admissions.push(event);
    else profiles.push(event);
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
    else ignore(admission, knownLater(admission, admissions) ? 'not-a-member-then' : 'awaiting-history');
  }

  for (const profile of profiles) {
    const member = members.get(profile.author);
    if (member === undefined) {
      ignore(profile, knownLater(profile, admissions) ? 'not-a-member-then' : 'awaiting-history');
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
 * Admissions are sorted by time, so one pass admits nearly everyone; a member
 * who admits someone in the same millisecond as their own admission may sort
 * first by id, so passes repeat until nothing changes (at most one per admission).
 */
function admitInOrder(admissions: readonly MemberAdmitted[], members: Map<MemberKey, Member>): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const admission of admissions) {
      if (members.has(admission.member)) continue;
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
}

/** True when the author does become a member, only after this event's time. */
function knownLater(event: CircleEvent, admissions: readonly MemberAdmitted[]): boolean {
  return admissions.some((a) => a.member === event.author);
}

/** Whether a key was a member at a given instant: the rule every later area applies to its records. */
export function wasMemberAt(state: CircleState, key: MemberKey, at: number): boolean {
  const member = state.members.get(key);
  return member !== undefined && member.since <= at;
}
