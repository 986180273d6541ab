/**
 * A cycle in numbers, for the assembly that closes it: how much help moved,
 * who took part, what people asked for, whether a few members carry the
 * circle, and how many crises it buffered. Every figure is finite: an empty
 * cycle gives zeros, never NaN.
 */
import type { CircleState } from './circle';
import type { MemberKey, SkillRef } from './events';
import type { Ledger } from './ledger-cycle';
import type { CycleOf } from './ledger-rules';
import type { Listing } from './listings';

/** The most active tenth of the members who took part, at least one member. */
export const TOP_FRACTION = 0.1;
/** The top tenth giving more than half of all hours given marks a cycle as concentrated. */
export const TOP_SHARE_THRESHOLD = 0.5;
/** So does a Gini coefficient of participation above this. */
export const GINI_THRESHOLD = 0.6;

export interface SkillDemand {
  readonly skill: SkillRef;
  /** Needs posted in the cycle. */
  readonly needs: number;
  /** Quarters of help received in the cycle. */
  readonly quartersReceived: number;
}

export interface SkillBalance {
  readonly skill: SkillRef;
  readonly offers: number;
  readonly needs: number;
  /** Offers minus needs: negative for a deficit. */
  readonly surplus: number;
}

export interface Concentration {
  /** How many members make up the top tenth. */
  readonly topCount: number;
  /** The share of all quarters given that the top tenth of givers gave, in [0, 1]. */
  readonly topGivenShare: number;
  /** The share of all quarters received that the top tenth of receivers received, in [0, 1]. */
  readonly topReceivedShare: number;
  /** Gini of quarters given plus received, over every member at the cycle's end: 0 is an even spread. */
  readonly gini: number;
  readonly concentrated: boolean;
}

export interface CycleStats {
  readonly cycle: number;
  readonly quarters: number;
  readonly exchanges: number;
  /** Members who gave or received at least once. */
  readonly activeMembers: number;
  /** Members of the circle at the cycle's end. */
  readonly members: number;
  /** Most requested first: by needs posted, then by quarters received. */
  readonly requestedSkills: readonly SkillDemand[];
  /** Largest surplus first, largest deficit last. */
  readonly skillBalance: readonly SkillBalance[];
  readonly concentration: Concentration;
  /** Housing stays recorded in the cycle that count (domain/housing): a count, never who. */
  readonly crisesBuffered: number;
}

export interface CycleStatsInput {
  readonly ledger: Ledger;
  readonly cycle: number;
  readonly membership: CircleState;
  /** The first instant after the cycle. */
  readonly cycleEnd: number;
  /** Listings that count (see projectPostings), whether withdrawn, expired or still up. */
  readonly listings: Iterable<Listing>;
  readonly cycleOf: CycleOf;
  /** The times of the housing stays that count; none if left out. */
  readonly crises?: Iterable<number>;
}

/** The statistics of one cycle. */
export function cycleStats(input: CycleStatsInput): CycleStats {
  const { ledger, cycle, membership, cycleEnd } = input;
  const ledgerCycle = ledger.cycles.get(cycle);
  const given = ledgerCycle?.given ?? new Map<MemberKey, number>();
  const received = ledgerCycle?.received ?? new Map<MemberKey, number>();
  const exchanges = ledgerCycle?.exchanges ?? [];

  const population = new Set<MemberKey>();
  for (const member of membership.members.values()) if (member.since < cycleEnd) population.add(member.key);
  const membersAtEnd = population.size;
  // Everyone who took part was a member then; a caller's cycleEnd that disagrees with cycleOf must not hide them.
  const participants = new Set<MemberKey>([...given.keys(), ...received.keys()]);
  for (const member of participants) population.add(member);

  const offers = new Map<SkillRef, number>();
  const needs = new Map<SkillRef, number>();
  for (const listing of input.listings) {
    if (input.cycleOf(listing.postedAt) !== cycle) continue;
    const counts = listing.side === 'offer' ? offers : needs;
    counts.set(listing.skill, (counts.get(listing.skill) ?? 0) + 1);
  }
  const receivedBySkill = new Map<SkillRef, number>();
  for (const exchange of exchanges) {
    receivedBySkill.set(exchange.skill, (receivedBySkill.get(exchange.skill) ?? 0) + exchange.quarters);
  }

  const requestedSkills = [...new Set([...needs.keys(), ...receivedBySkill.keys()])]
    .map((skill) => ({ skill, needs: needs.get(skill) ?? 0, quartersReceived: receivedBySkill.get(skill) ?? 0 }))
    .sort((a, b) => b.needs - a.needs || b.quartersReceived - a.quartersReceived || compareText(a.skill, b.skill));
  const skillBalance = [...new Set([...offers.keys(), ...needs.keys()])]
    .map((skill) => {
      const offered = offers.get(skill) ?? 0;
      const needed = needs.get(skill) ?? 0;
      return { skill, offers: offered, needs: needed, surplus: offered - needed };
    })
    .sort((a, b) => b.surplus - a.surplus || compareText(a.skill, b.skill));

  const participation = [...population].map((member) => (given.get(member) ?? 0) + (received.get(member) ?? 0));
  const topCount = Math.max(1, Math.ceil(participants.size * TOP_FRACTION));
  const topGivenShare = topShare([...given.values()], topCount);
  const topReceivedShare = topShare([...received.values()], topCount);
  const gini = giniOf(participation);
  let crisesBuffered = 0;
  for (const at of input.crises ?? []) if (input.cycleOf(at) === cycle) crisesBuffered++;
  return {
    cycle,
    quarters: ledgerCycle?.quarters ?? 0,
    exchanges: exchanges.length,
    activeMembers: participants.size,
    members: membersAtEnd,
    requestedSkills,
    skillBalance,
    concentration: {
      topCount,
      topGivenShare,
      topReceivedShare,
      gini,
      concentrated: topGivenShare > TOP_SHARE_THRESHOLD || gini > GINI_THRESHOLD,
    },
    crisesBuffered,
  };
}

/** The share of the total held by the `count` largest values; 0 when there is nothing. */
export function topShare(values: readonly number[], count: number): number {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total <= 0) return 0;
  const top = [...values].sort((a, b) => b - a).slice(0, count).reduce((sum, value) => sum + value, 0);
  return Math.min(1, Math.max(0, top / total));
}

/**
 * The Gini coefficient of non-negative values: 0 when all are equal, towards 1
 * as one value holds everything; 0 for no values or a zero total. Integers keep
 * the sums exact, so equal parts give exactly 0.
 */
export function giniOf(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((sum, value) => sum + value, 0);
  if (n === 0 || total <= 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  // Sum over i of (2i − n − 1)·x(i), with i from 1 in ascending order, equals
  // half the sum of all pairwise differences.
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (2 * (i + 1) - n - 1) * sorted[i]!;
  return Math.min(1, Math.max(0, weighted / (n * total)));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
