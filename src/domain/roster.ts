/**
 * The mutual-defense roster: each member's latest entry, for the members of
 * the circle as it is now. Pure: the circle's members come in.
 *
 * A member's entry is theirs alone (the author of a record is who it is
 * about), so the latest by the total order (time, then id) wins and every
 * phone agrees on it. Entries by someone who is not a member, or dated before
 * their membership began, are listed as ignored rather than shown.
 */
import type { RosterEntry, RosterRole } from './defense-events';
import type { CircleEvent, MemberKey, RecordId } from './events';
import { compareEvents } from './events';
import { DEFAULT_FANOUT, phoneTree } from './phone-tree';
import type { PhoneTree } from './phone-tree';

export interface RosterMember {
  readonly since: number;
}

export interface IgnoredRosterEntry {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly reason: 'not-a-member' | 'before-membership';
}

export interface RosterState {
  /** Each member's latest entry; members with no entry are absent. */
  readonly entries: ReadonlyMap<MemberKey, RosterEntry>;
  readonly ignored: readonly IgnoredRosterEntry[];
}

export function projectRoster(events: readonly CircleEvent[], members: ReadonlyMap<MemberKey, RosterMember>): RosterState {
  const entries = new Map<MemberKey, RosterEntry>();
  const ignored: IgnoredRosterEntry[] = [];
  for (const event of events) {
    if (event.kind !== 'roster.entry') continue;
    const member = members.get(event.author);
    if (member === undefined || event.at < member.since) {
      ignored.push({ id: event.id, author: event.author, reason: member === undefined ? 'not-a-member' : 'before-membership' });
      continue;
    }
    const previous = entries.get(event.author);
    if (previous === undefined || compareEvents(previous, event) < 0) entries.set(event.author, event);
  }
  return { entries, ignored };
}

/** The members who took a role, in key order so every phone lists them alike. */
export function membersWithRole(roster: RosterState, role: RosterRole): MemberKey[] {
  return [...roster.entries.values()].filter((entry) => entry.roles.includes(role)).map((entry) => entry.author).sort();
}

/**
 * The phone tree if `root` raised an alert now: everyone in the circle is to
 * be reached, and those on the roster as callers call. `seed` orders people
 * (an alert's id; for the standing tree a member sees before any alert, the
 * circle's id, so it stays put until someone joins, leaves or changes roles).
 */
export function rosterPhoneTree(roster: RosterState, members: Iterable<MemberKey>, root: MemberKey, seed: string, fanout = DEFAULT_FANOUT): PhoneTree {
  return phoneTree({ members, callers: new Set(membersWithRole(roster, 'caller')), root, seed, fanout });
}
