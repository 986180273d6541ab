/**
 * The caretaker rotation: each cycle, pairs of willing members look after the
 * tool library (audits, flagged handoffs, repairs). Every phone must name the
 * same duos, so the choice is a pure function of the records and the cycle;
 * it favours those who have served least, never keeps anyone on two cycles in
 * a row, and pairs an experienced caretaker with a newer one where it can.
 */
import { wasMemberAt } from './circle';
import type { CircleState } from './circle';
import type { MemberKey, RecordId } from './events';
import type { ToolsState, VolunteerRecord } from './tools';

/** A tool as the rotation sees it: it needs care from its registration until it is retired. */
export interface CaretakerTool {
  readonly id: RecordId;
  readonly since: number;
  readonly retiredAt: number | null;
}

export interface CaretakerInput {
  /** Willing and unwilling records, in any order. */
  readonly volunteers: readonly VolunteerRecord[];
  readonly membership: CircleState;
  readonly cycleStart: (index: number) => number;
  readonly tools: readonly CaretakerTool[];
}

export interface Duo {
  /** The more experienced first. */
  readonly members: readonly [MemberKey, MemberKey];
  /** Sorted by id. */
  readonly tools: readonly RecordId[];
}

export interface CaretakerCycle {
  readonly cycle: number;
  readonly duos: readonly Duo[];
  readonly byTool: ReadonlyMap<RecordId, Duo>;
  /** How many cycles each member has served, this one included. */
  readonly served: ReadonlyMap<MemberKey, number>;
}

/** One duo looks after about this many tools; a bigger library gets more duos. */
export const TOOLS_PER_DUO = 25;

/** The rotation's input from the projected tool commons. */
export function caretakerInput(state: ToolsState, membership: CircleState, cycleStart: (index: number) => number): CaretakerInput {
  const tools: CaretakerTool[] = [];
  for (const tool of state.tools.values()) tools.push({ id: tool.id, since: tool.registeredAt, retiredAt: tool.retiredAt });
  return { volunteers: state.volunteerHistory, membership, cycleStart, tools };
}

/** The duos of one cycle. Earlier cycles are worked out on the way, since who served shapes who serves next. */
export function caretakerDuos(input: CaretakerInput, cycle: number): CaretakerCycle {
  const { rosters, tools } = rostersUpTo(input, cycle);
  const roster = rosters[rosters.length - 1];
  const served = new Map<MemberKey, number>();
  for (const { pairs } of rosters) countServed(served, pairs);
  if (roster === undefined || roster.cycle !== cycle) return { cycle, duos: [], byTool: new Map(), served };
  return withTools(roster, tools, input.cycleStart(cycle), served);
}

/** Every cycle's duos from the first cycle that began with someone willing, up to `upTo`. */
export function caretakerRotation(input: CaretakerInput, upTo: number): readonly CaretakerCycle[] {
  const { rosters, tools } = rostersUpTo(input, upTo);
  const served = new Map<MemberKey, number>();
  return rosters.map((roster) => withTools(roster, tools, input.cycleStart(roster.cycle), new Map(countServed(served, roster.pairs))));
}

/** Which duo to alert about a tool, or null when nobody is on duty. */
export function duoFor(result: CaretakerCycle, tool: RecordId): Duo | null {
  return result.byTool.get(tool) ?? null;
}

/**
 * Who served in a cycle: all that later cycles need, kept small so hundreds
 * of cycles stay cheap (the counts are replayed from the pairs when asked).
 */
interface Roster {
  readonly cycle: number;
  readonly pairs: readonly (readonly [MemberKey, MemberKey])[];
}

interface Candidate {
  readonly member: MemberKey;
  readonly served: number;
  /** A tie-break that changes from cycle to cycle, so equals take turns. */
  readonly tie: number;
}

function fairer(a: Candidate, b: Candidate): number {
  return a.served - b.served || a.tie - b.tie || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);
}

/**
 * The `limit` least-served members, in fair order. Duos are few and members
 * many, so keeping a short sorted list beats sorting everyone every cycle.
 */
function fairest(members: readonly MemberKey[], limit: number, candidate: (member: MemberKey) => Candidate): Candidate[] {
  const best: Candidate[] = [];
  if (limit === 0) return best;
  for (const member of members) {
    const next = candidate(member);
    if (best.length === limit) {
      if (fairer(next, best[limit - 1]!) >= 0) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && fairer(next, best[at - 1]!) < 0) at--;
    best.splice(at, 0, next);
  }
  return best;
}

function countServed(served: Map<MemberKey, number>, pairs: Roster['pairs']): Map<MemberKey, number> {
  for (const pair of pairs) for (const member of pair) served.set(member, (served.get(member) ?? 0) + 1);
  return served;
}

interface Rotation {
  readonly rosters: readonly Roster[];
  /** Sorted by id, so the assignment does not depend on the input's order. */
  readonly tools: readonly CaretakerTool[];
}

// Remembered per input object: asking again for the same or an earlier cycle costs nothing.
const rotations = new WeakMap<CaretakerInput, Rotation>();

function rostersUpTo(input: CaretakerInput, upTo: number): Rotation {
  const known = rotations.get(input);
  const last = known?.rosters[known.rosters.length - 1];
  if (known !== undefined && last !== undefined && last.cycle >= upTo) {
    return { rosters: known.rosters.filter((roster) => roster.cycle <= upTo), tools: known.tools };
  }
  const tools = known?.tools ?? [...input.tools].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rotation = { rosters: rotate(input, tools, upTo), tools };
  rotations.set(input, rotation);
  return rotation;
}

function activeAt(tools: readonly CaretakerTool[], start: number): CaretakerTool[] {
  return tools.filter((tool) => tool.since <= start && (tool.retiredAt === null || tool.retiredAt > start));
}

function withTools(roster: Roster, tools: readonly CaretakerTool[], start: number, served: ReadonlyMap<MemberKey, number>): CaretakerCycle {
  const count = roster.pairs.length;
  const assigned: RecordId[][] = roster.pairs.map(() => []);
  if (count > 0) for (const tool of activeAt(tools, start)) assigned[hash32(`${tool.id}:${roster.cycle}`) % count]!.push(tool.id);
  const duos: Duo[] = roster.pairs.map((pair, i) => ({ members: pair, tools: assigned[i]! }));
  const byTool = new Map<RecordId, Duo>();
  for (const duo of duos) for (const tool of duo.tools) byTool.set(tool, duo);
  return { cycle: roster.cycle, duos, byTool, served };
}

function rotate(input: CaretakerInput, tools: readonly CaretakerTool[], upTo: number): Roster[] {
  const { membership, cycleStart } = input;
  const seen = new Set<RecordId>();
  const records = input.volunteers
    .filter((record) => !seen.has(record.id) && (seen.add(record.id), wasMemberAt(membership, record.member, record.at)))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const firstWilling = records.find((record) => record.willing);
  if (firstWilling === undefined || cycleStart(upTo) < firstWilling.at) return [];
  // Willingness counts from the first cycle that starts after it was said.
  let first = upTo;
  while (cycleStart(first - 1) >= firstWilling.at) first--;

  // Tool counts only move the number of duos: count active tools with two
  // sorted lists of instants instead of filtering every tool every cycle.
  const arrivals = tools.map((tool) => tool.since).sort((a, b) => a - b);
  const departures = tools.flatMap((tool) => (tool.retiredAt === null ? [] : [Math.max(tool.since, tool.retiredAt)])).sort((a, b) => a - b);
  let arrived = 0;
  let departed = 0;

  // A member's key is hashed once; each cycle only mixes in its index.
  const keyHashes = new Map<MemberKey, number>();
  const keyHash = (member: MemberKey): number => {
    let hash = keyHashes.get(member);
    if (hash === undefined) keyHashes.set(member, (hash = hash32(member)));
    return hash;
  };
  const willing = new Map<MemberKey, boolean>();
  const served = new Map<MemberKey, number>();
  let previous = new Set<MemberKey>();
  let next = 0;
  const rosters: Roster[] = [];
  for (let cycle = first; cycle <= upTo; cycle++) {
    const start = cycleStart(cycle);
    while (next < records.length && records[next]!.at <= start) {
      willing.set(records[next]!.member, records[next]!.willing);
      next++;
    }
    while (arrived < arrivals.length && arrivals[arrived]! <= start) arrived++;
    while (departed < departures.length && departures[departed]! <= start) departed++;
    const eligible: MemberKey[] = [];
    for (const [member, yes] of willing) {
      if (yes && !previous.has(member) && wasMemberAt(membership, member, start)) eligible.push(member);
    }
    const count = Math.min(Math.floor(eligible.length / 2), Math.max(1, Math.ceil((arrived - departed) / TOOLS_PER_DUO)));
    const chosen = fairest(eligible, 2 * count, (member) => ({ member, served: served.get(member) ?? 0, tie: mix32(keyHash(member) ^ Math.imul(cycle, 0x9e3779b1)) }));
    // Most served first (the sort is stable, so ties keep the fair order):
    // pairing the i-th most with the i-th least joins experience to newness.
    const byExperience = [...chosen].sort((a, b) => b.served - a.served);
    const pairs: [MemberKey, MemberKey][] = [];
    for (let i = 0; i < count; i++) pairs.push([byExperience[i]!.member, byExperience[2 * count - 1 - i]!.member]);
    for (const { member } of chosen) served.set(member, (served.get(member) ?? 0) + 1);
    previous = new Set(chosen.map((entry) => entry.member));
    rosters.push({ cycle, pairs });
  }
  return rosters;
}

/**
 * FNV-1a over the UTF-16 code units, then a final avalanche, so that nearby
 * inputs ("12:m1", "12:m2") land far apart. Not for anything secret: only a
 * tie-break every phone computes alike.
 */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix32(hash);
}

/** Murmur3's finaliser: every input bit moves about half the output bits. */
function mix32(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
