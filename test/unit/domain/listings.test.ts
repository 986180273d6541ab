import { describe, expect, it } from 'vitest';
import { projectCircle } from '../../../src/domain/circle';
import { boardForSkill, matchesFor, projectListings, projectPostings } from '../../../src/domain/listings';
import type { Board } from '../../../src/domain/listings';
import { admitted, circle, circleEvents, DAY, HOUR, key, posted, T0, withdrawn } from '../../fixtures/ledger';

const [A, B, C] = [key(0), key(1), key(2)];
const members = circle(3);
const NOW = T0 + DAY;

const ids = (board: Board): { offers: string[]; needs: string[] } => ({
  offers: board.offers.map((listing) => listing.id),
  needs: board.needs.map((listing) => listing.id),
});

describe('projectListings', () => {
  it('shows offers and needs by members, newest first', () => {
    const older = posted({ author: A, side: 'offer', at: T0 + HOUR });
    const newer = posted({ author: B, side: 'offer', at: T0 + 2 * HOUR });
    const need = posted({ author: C, side: 'need', skill: 'care', quarters: null, description: 'A ride to the clinic' });
    const board = projectListings([older, need, newer, ...circleEvents(3)], members, NOW);
    expect(ids(board)).toEqual({ offers: [newer.id, older.id], needs: [need.id] });
    expect(board.needs[0]).toEqual({
      id: need.id,
      author: C,
      postedAt: need.at,
      side: 'need',
      skill: 'care',
      description: 'A ride to the clinic',
      quarters: null,
      expiresAt: need.expiresAt,
    });
    expect(board.ignored).toEqual([]);
  });

  it('hides a listing once it expires', () => {
    const listing = posted({ author: A, side: 'offer', expiresAt: NOW });
    expect(projectListings([listing], members, NOW - 1).offers).toHaveLength(1);
    expect(projectListings([listing], members, NOW).offers).toHaveLength(0);
  });

  it('hides a listing its author withdrew, not one someone else tried to', () => {
    const mine = posted({ author: A, side: 'need' });
    const theirs = posted({ author: B, side: 'need', skill: 'care' });
    const board = projectListings([mine, theirs, withdrawn(mine), withdrawn(theirs, A)], members, NOW);
    expect(ids(board).needs).toEqual([theirs.id]);
    expect(board.ignored.map((entry) => [entry.kind, entry.reason])).toEqual([['listing.withdrawn', 'not-the-author']]);
  });

  it('waits for the listing a withdrawal names', () => {
    const listing = posted({ author: A, side: 'offer' });
    const board = projectListings([withdrawn(listing)], members, NOW);
    expect(board.ignored.map((entry) => entry.reason)).toEqual(['awaiting-history']);
  });

  it('ignores listings by non-members, by members before they joined, and with a bad estimate', () => {
    const late = projectCircle([...circleEvents(2), admitted('late', T0 + DAY)]);
    const board = projectListings(
      [
        posted({ author: 'stranger', side: 'offer', at: T0 }),
        posted({ author: 'late', side: 'offer', at: T0 + HOUR }),
        posted({ author: A, side: 'offer', at: T0 + 2 * HOUR, quarters: 0 }),
        posted({ author: A, side: 'offer', at: T0 + 3 * HOUR, quarters: 2.5, skill: 'care' }),
      ],
      late,
      NOW,
    );
    expect(board.offers).toEqual([]);
    expect(board.ignored.map((entry) => entry.reason)).toEqual(['awaiting-history', 'not-a-member-then', 'bad-quarters', 'bad-quarters']);
  });

  it('counts the same record once', () => {
    const listing = posted({ author: A, side: 'offer' });
    expect(projectListings([listing, listing], members, NOW).offers).toHaveLength(1);
  });
});

describe('projectPostings', () => {
  it('keeps withdrawn and expired listings, and says which were withdrawn', () => {
    const gone = posted({ author: A, side: 'offer', expiresAt: T0 + 2 * HOUR });
    const taken = posted({ author: B, side: 'need' });
    const postings = projectPostings([gone, taken, withdrawn(taken)], members);
    expect(postings.listings.map((listing) => listing.id).sort()).toEqual([gone.id, taken.id].sort());
    expect([...postings.withdrawn]).toEqual([taken.id]);
  });
});

describe('filtering and matching', () => {
  const repairOffer = posted({ author: A, side: 'offer', skill: 'repair', at: T0 + HOUR });
  const newerRepairOffer = posted({ author: C, side: 'offer', skill: 'repair', at: T0 + 3 * HOUR });
  const ownRepairOffer = posted({ author: B, side: 'offer', skill: 'repair', at: T0 + 4 * HOUR });
  const careOffer = posted({ author: C, side: 'offer', skill: 'care', at: T0 + 2 * HOUR });
  const repairNeed = posted({ author: B, side: 'need', skill: 'repair', at: T0 + 2 * HOUR });
  const board = projectListings([repairOffer, newerRepairOffer, ownRepairOffer, careOffer, repairNeed], members, NOW);

  it('narrows the board to one skill', () => {
    expect(ids(boardForSkill(board, 'care'))).toEqual({ offers: [careOffer.id], needs: [] });
    expect(ids(boardForSkill(board, 'crafts'))).toEqual({ offers: [], needs: [] });
  });

  it("finds a need's offers of the same skill by others, newest first", () => {
    const need = board.needs[0]!;
    expect(matchesFor(need, board).map((listing) => listing.id)).toEqual([newerRepairOffer.id, repairOffer.id]);
  });

  it("finds an offer's needs, and none for a skill no one needs", () => {
    const offer = board.offers.find((listing) => listing.id === repairOffer.id)!;
    expect(matchesFor(offer, board).map((listing) => listing.id)).toEqual([repairNeed.id]);
    const care = board.offers.find((listing) => listing.id === careOffer.id)!;
    expect(matchesFor(care, board)).toEqual([]);
    const own = board.offers.find((listing) => listing.id === ownRepairOffer.id)!;
    expect(matchesFor(own, board)).toEqual([]);
  });
});
