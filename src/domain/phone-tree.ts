/**
 * The phone tree of an alert: who calls whom, so that everyone hears by an
 * ordinary phone call, even members without data. Every phone works it out
 * alike from the same roster, callers, root, fan-out and seed.
 *
 * How it is built. The member who raises the alert is the root and calls up
 * to `fanout` people whether or not they offered to call. Each further level
 * takes as many people as the callers of the level above can call (`fanout`
 * each), willing callers before everyone else, so every caller is placed as
 * high as possible and the tree is as shallow as the callers allow. Within the
 * callers, and within the others, the order is `hash32(seed + key)` and then
 * the key, so a new seed (an alert's id) puts different people at the bottom.
 *
 * Who calls whom inside a level: each person, in that order, goes to the caller
 * of the level above who ranks them highest (a hash of the pair) among those
 * not yet full, where full is the level's fair share, ceil(people / callers).
 * Ranking by the pair rather than by position means that one member joining
 * or leaving moves few others (see the property tests for the figures).
 *
 * Depth guaranteed. With `c` callers besides the root, the depth is the least
 * any tree of this fan-out can have, since no level can hold more than
 * `fanout` times the callers of the level above, and no level can hold more
 * callers than this one puts there. In closed form:
 *   depth <= ceil(log_f(c + 1)) + 1, and
 *   depth <= max(1, ceil(log_f(n))) when all n >= 1 members besides the root
 *   are callers.
 * Capacity: the root and the c callers have `fanout * (c + 1)` places between
 * them; anyone beyond that (the last in the order, never a caller) is listed
 * in `unassigned` for the screen to show as needing a caller. Nobody is ever
 * given more than `fanout` people to call.
 */
import { hash32 } from './caretakers';
import type { MemberKey } from './events';

export const DEFAULT_FANOUT = 3;
export const MIN_FANOUT = 2;
export const MAX_FANOUT = 8;

export interface PhoneTreeInput {
  /**
   * Everyone to reach, in any order; repeats count once. Members without a
   * phone number or who do not want calls are simply left out. The root may
   * be listed or not: it is the root either way.
   */
  readonly members: Iterable<MemberKey>;
  /** Those who offered to call others. Keys not in `members` are ignored: a caller must be reachable too. */
  readonly callers: ReadonlySet<MemberKey>;
  /** Who raises the alert. */
  readonly root: MemberKey;
  /** How many calls each caller makes at most: an integer from 2 to 8, 3 if left out. */
  readonly fanout?: number;
  /** Any text that changes between alerts, such as the alert's id: it orders people fairly. */
  readonly seed: string;
}

export interface PhoneTree {
  readonly root: MemberKey;
  readonly fanout: number;
  /** Who each member calls, in calling order (callers first, so the news spreads sooner). Only those with someone to call are keys. */
  readonly children: ReadonlyMap<MemberKey, readonly MemberKey[]>;
  /** Who calls each member; the root has no entry. */
  readonly parent: ReadonlyMap<MemberKey, MemberKey>;
  /** Calls between the root and each member placed: 0 for the root. */
  readonly depth: ReadonlyMap<MemberKey, number>;
  readonly maxDepth: number;
  /** The members of each depth in order, the root alone first. */
  readonly levels: readonly (readonly MemberKey[])[];
  /** Members nobody can call, because there are too few callers: the screen asks for more. */
  readonly unassigned: readonly MemberKey[];
  /** The people `member` must call; none for someone who calls nobody or is not in the tree. */
  callsFor(member: MemberKey): readonly MemberKey[];
}

const NONE: readonly MemberKey[] = Object.freeze([]);

interface Ranked {
  readonly key: MemberKey;
  readonly hash: number;
}

const byRank = (a: Ranked, b: Ranked): number => a.hash - b.hash || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** A caller's hash and a callee's mixed into one figure: how much this caller "wants" this callee. */
function affinity(caller: number, callee: number): number {
  return hash32(String.fromCharCode(caller & 0xffff, caller >>> 16, callee & 0xffff, callee >>> 16));
}

export function phoneTree(input: PhoneTreeInput): PhoneTree {
  const fanout = input.fanout ?? DEFAULT_FANOUT;
  if (!Number.isInteger(fanout) || fanout < MIN_FANOUT || fanout > MAX_FANOUT) {
    throw new RangeError(`a phone tree's fan-out is a whole number from ${MIN_FANOUT} to ${MAX_FANOUT}, not ${fanout}`);
  }
  const { root, seed, callers } = input;
  const rank = (key: MemberKey): Ranked => ({ key, hash: hash32(`${seed}\n${key}`) });
  const seen = new Set<MemberKey>([root]);
  const willing: Ranked[] = [];
  const others: Ranked[] = [];
  for (const key of input.members) {
    if (seen.has(key)) continue;
    seen.add(key);
    (callers.has(key) ? willing : others).push(rank(key));
  }
  willing.sort(byRank);
  others.sort(byRank);

  const children = new Map<MemberKey, MemberKey[]>();
  const parent = new Map<MemberKey, MemberKey>();
  const depth = new Map<MemberKey, number>([[root, 0]]);
  const levels: MemberKey[][] = [[root]];
  let nextWilling = 0;
  let nextOther = 0;
  let above: Ranked[] = [rank(root)];
  while (above.length > 0 && nextWilling + nextOther < willing.length + others.length) {
    // As many as the callers above can call, callers first.
    const room = above.length * fanout;
    const level: Ranked[] = willing.slice(nextWilling, nextWilling + room);
    nextWilling += level.length;
    const fromOthers = others.slice(nextOther, nextOther + room - level.length);
    nextOther += fromOthers.length;
    level.push(...fromOthers);
    // Each in turn goes to the caller above who ranks them highest and still has room.
    const share = Math.ceil(level.length / above.length);
    const load = new Array<number>(above.length).fill(0);
    const d = levels.length;
    for (const callee of level) {
      let best = -1;
      let bestAffinity = -1;
      for (let i = 0; i < above.length; i++) {
        if (load[i]! >= share) continue;
        const value = affinity(above[i]!.hash, callee.hash);
        if (value > bestAffinity) {
          best = i;
          bestAffinity = value;
        }
      }
      load[best]!++;
      const caller = above[best]!.key;
      const calls = children.get(caller);
      if (calls === undefined) children.set(caller, [callee.key]);
      else calls.push(callee.key);
      parent.set(callee.key, caller);
      depth.set(callee.key, d);
    }
    levels.push(level.map((entry) => entry.key));
    above = level.filter((entry) => callers.has(entry.key));
  }
  const unassigned = others.slice(nextOther).map((entry) => entry.key);
  return {
    root,
    fanout,
    children,
    parent,
    depth,
    maxDepth: levels.length - 1,
    levels,
    unassigned,
    callsFor: (member) => children.get(member) ?? NONE,
  };
}
