/**
 * What the board screens compute from the circle's postings and the time:
 * pure, so that the clock stays in the screens and the rules stay testable.
 */
import { addMonths } from 'date-fns';
import { cycleAt } from '../../domain/cycles';
import type { ResetRule } from '../../domain/cycles';
import type { ListingSide, RecordId, SkillRef } from '../../domain/events';
import { boardForSkill, matchesFor } from '../../domain/listings';
import type { Board, Listing, Postings } from '../../domain/listings';

export type ListingState = 'active' | 'withdrawn' | 'expired';

/**
 * The board at `now`, from postings already projected: the same rule as
 * projectListings, without walking every event again on each render.
 */
export function boardAt(postings: Postings, now: number): Board {
  const active = postings.listings.filter((listing) => stateOf(listing, postings, now) === 'active');
  return {
    offers: active.filter((listing) => listing.side === 'offer'),
    needs: active.filter((listing) => listing.side === 'need'),
    ignored: postings.ignored,
  };
}

export function stateOf(listing: Listing, postings: Postings, now: number): ListingState {
  if (postings.withdrawn.has(listing.id)) return 'withdrawn';
  return listing.expiresAt > now ? 'active' : 'expired';
}

/** The board narrowed to one skill, or all of it when no skill is chosen. */
export function filterBoard(board: Board, skill: SkillRef | null): Board {
  return skill === null ? board : boardForSkill(board, skill);
}

export function listingsOn(board: Board, side: ListingSide): readonly Listing[] {
  return side === 'offer' ? board.offers : board.needs;
}

/**
 * How many listings match each one, as matchesFor counts them, found through
 * an index by skill: a grown circle's board would make counting pair by pair
 * slow on every render.
 */
export function matchCounts(board: Board): ReadonlyMap<RecordId, number> {
  const bySkill = (listings: readonly Listing[]): Map<SkillRef, Listing[]> => {
    const index = new Map<SkillRef, Listing[]>();
    for (const listing of listings) {
      const same = index.get(listing.skill);
      if (same === undefined) index.set(listing.skill, [listing]);
      else same.push(listing);
    }
    return index;
  };
  const offers = bySkill(board.offers);
  const needs = bySkill(board.needs);
  const counts = new Map<RecordId, number>();
  for (const listing of [...board.offers, ...board.needs]) {
    const sameSkill: Board = { offers: offers.get(listing.skill) ?? [], needs: needs.get(listing.skill) ?? [], ignored: [] };
    counts.set(listing.id, matchesFor(listing, sameSkill).length);
  }
  return counts;
}

export type ExpiryChoice = 'cycle' | 'week' | 'two-weeks' | 'month';
export const EXPIRY_CHOICES: readonly ExpiryChoice[] = ['cycle', 'week', 'two-weeks', 'month'];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a listing posted at `now` stops showing. A month is a calendar month
 * on the member's phone, as they would count it; the cycle's end follows the
 * circle's reset rule, as credits do.
 */
export function expiryFor(choice: ExpiryChoice, now: number, rule: ResetRule): number {
  switch (choice) {
    case 'cycle':
      return cycleAt(rule, new Date(now)).end.getTime();
    case 'week':
      return now + 7 * DAY_MS;
    case 'two-weeks':
      return now + 14 * DAY_MS;
    case 'month':
      return addMonths(now, 1).getTime();
  }
}

/** Estimates a member can choose: every quarter hour up to `maxQuarters`. */
export function quarterChoices(maxQuarters: number): readonly number[] {
  return Array.from({ length: maxQuarters }, (_, i) => i + 1);
}

/** Characters as a member counts them, the way the description's limit does. */
export function descriptionLength(text: string): number {
  return [...text.normalize('NFC').trim().replace(/\s+/gu, ' ')].length;
}
