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
  const history = caretakerRotation(input, cycle);
  return history[history.length - 1] ?? { cycle, duos: [], byTool: new Map(), served: new Map() };
}

/** Which duo to alert about a tool, or null when nobody is on duty. */
export function duoFor(result: CaretakerCycle, tool: RecordId): Duo | null {
  return result.byTool.get(tool) ?? null;
}

const rotations = new WeakMap<CaretakerInput, CaretakerCycle[]>();

/**
 * Every cycle's duos from the first cycle that began with someone willing,
 * up to `upTo`. Results are remembered per input object, so asking again for
 * the same or an earlier cycle costs nothing.
 */
export function caretakerRotation(input: CaretakerInput, upTo: number): readonly CaretakerCycle[] {
  const known = rotations.get(input);
  if (known !== undefined) {
    const last = known[known.length - 1];
    if (last !== undefined && last.cycle >= upTo) return known.filter((entry) => entry.cycle <= upTo);
  }
  const computed = rotate(input, upTo);
  rotations.set(input, computed);
  return computed;
}

function rotate(input: CaretakerInput, upTo: number): CaretakerCycle[] {
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

  const tools = [...input.tools].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const willing = new Map<MemberKey, boolean>();
  const served = new Map<MemberKey, number>();
  let previous = new Set<MemberKey>();
  let next = 0;
  const cycles: CaretakerCycle[] = [];
  for (let cycle = first; cycle <= upTo; cycle++) {
    const start = cycleStart(cycle);
    while (next < records.length && records[next]!.at <= start) {
      willing.set(records[next]!.member, records[next]!.willing);
      next++;
    }
    const eligible: { readonly member: MemberKey; readonly served: number; readonly tie: number }[] = [];
    for (const [member, yes] of willing) {
      if (yes && wasMemberAt(membership, member, start) && !previous.has(member)) {
        eligible.push({ member, served: served.get(member) ?? 0, tie: hash32(`${cycle}:${member}`) });
      }
    }
    eligible.sort((a, b) => a.served - b.served || a.tie - b.tie || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));

    const active = tools.filter((tool) => tool.since <= start && (tool.retiredAt === null || tool.retiredAt > start));
    const count = Math.min(Math.floor(eligible.length / 2), Math.max(1, Math.ceil(active.length / TOOLS_PER_DUO)));
    const chosen = eligible.slice(0, 2 * count);
    // Most served first (the sort is stable, so ties keep the fair order):
    // pairing the i-th most with the i-th least joins experience to newness.
    const byExperience = [...chosen].sort((a, b) => b.served - a.served);
    const members: [MemberKey, MemberKey][] = [];
    for (let i = 0; i < count; i++) members.push([byExperience[i]!.member, byExperience[2 * count - 1 - i]!.member]);
    const assigned: RecordId[][] = members.map(() => []);
    if (count > 0) for (const tool of active) assigned[hash32(`${tool.id}:${cycle}`) % count]!.push(tool.id);
    const duos: Duo[] = members.map((pair, i) => ({ members: pair, tools: assigned[i]! }));
    const byTool = new Map<RecordId, Duo>();
    for (const duo of duos) for (const tool of duo.tools) byTool.set(tool, duo);
    for (const { member } of chosen) served.set(member, (served.get(member) ?? 0) + 1);
    previous = new Set(chosen.map((entry) => entry.member));
    cycles.push({ cycle, duos, byTool, served: new Map(served) });
  }
  return cycles;
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
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
