import { describe, expect, it } from 'vitest';
import { cycleAt } from '../../../src/domain/cycles';
import { matchesFor, projectListings, projectPostings } from '../../../src/domain/listings';
import {
  boardAt,
  descriptionLength,
  expiryFor,
  filterBoard,
  matchCounts,
  quarterChoices,
  stateOf,
} from '../../../src/ui/board/board-model';
import { circle, circleEvents, DAY, HOUR, key, posted, T0, withdrawn } from '../../fixtures/ledger';

const [A, B, C] = [key(0), key(1), key(2)];
const members = circle(3);
const NOW = T0 + DAY;

describe('boardAt', () => {
  it('agrees with projectListings on what is active now', () => {
    const events = [
      ...circleEvents(3),
      posted({ author: A, side: 'offer' }),
      posted({ author: B, side: 'need', at: T0 + 2 * HOUR }),
      posted({ author: C, side: 'offer', skill: 'care', expiresAt: NOW }),
    ];
    const gone = posted({ author: C, side: 'need', skill: 'care', at: T0 + 3 * HOUR });
    events.push(gone, withdrawn(gone));
    const postings = projectPostings(events, members);
    const { offers, needs } = boardAt(postings, NOW);
    const expected = projectListings(events, members, NOW);
    expect({ offers, needs }).toEqual({ offers: expected.offers, needs: expected.needs });
    expect(stateOf(postings.listings.find((l) => l.id === gone.id)!, postings, NOW)).toBe('withdrawn');
    expect(stateOf(postings.listings.find((l) => l.skill === 'care' && l.side === 'offer')!, postings, NOW)).toBe('expired');
  });
});

describe('matchCounts', () => {
  it('counts what matchesFor finds for every listing', () => {
    const events = [
      posted({ author: A, side: 'offer' }),
      posted({ author: B, side: 'offer', at: T0 + 2 * HOUR }),
      posted({ author: A, side: 'need', at: T0 + 3 * HOUR }),
      posted({ author: C, side: 'need', at: T0 + 4 * HOUR }),
      posted({ author: C, side: 'need', skill: 'care' }),
    ];
    const board = boardAt(projectPostings(events, members), NOW);
    const counts = matchCounts(board);
    for (const listing of [...board.offers, ...board.needs]) {
      expect(counts.get(listing.id)).toBe(matchesFor(listing, board).length);
    }
    // A's need matches B's offer only: one's own offer is no match.
    expect(counts.get(board.needs.find((l) => l.author === A)!.id)).toBe(1);
  });

  it('narrows by skill, or keeps everything with none chosen', () => {
    const events = [posted({ author: A, side: 'offer' }), posted({ author: B, side: 'need', skill: 'care' })];
    const board = boardAt(projectPostings(events, members), NOW);
    expect(filterBoard(board, null)).toBe(board);
    expect(filterBoard(board, 'care').offers).toEqual([]);
    expect(filterBoard(board, 'care').needs).toHaveLength(1);
  });
});

describe('expiryFor', () => {
  const rule = { kind: 'new-moon' } as const;

  it('ends with the cycle by default, and counts weeks in days', () => {
    expect(expiryFor('cycle', NOW, rule)).toBe(cycleAt(rule, new Date(NOW)).end.getTime());
    expect(expiryFor('week', NOW, rule)).toBe(NOW + 7 * DAY);
    expect(expiryFor('two-weeks', NOW, rule)).toBe(NOW + 14 * DAY);
  });

  it('counts a month on the calendar', () => {
    const month = new Date(expiryFor('month', Date.UTC(2025, 0, 15, 12), rule));
    const start = new Date(Date.UTC(2025, 0, 15, 12));
    expect([month.getFullYear(), month.getMonth(), month.getDate()]).toEqual([start.getFullYear(), start.getMonth() + 1, start.getDate()]);
  });

  it('follows a day-of-month rule at the circle’s offset', () => {
    const dayRule = { kind: 'day-of-month', day: 1, utcOffsetMinutes: 0 } as const;
    expect(expiryFor('cycle', Date.UTC(2025, 4, 20), dayRule)).toBe(Date.UTC(2025, 5, 1));
  });
});

describe('form helpers', () => {
  it('offers every quarter hour up to the limit', () => {
    const choices = quarterChoices(48);
    expect(choices).toHaveLength(48);
    expect([choices[0], choices.at(-1)]).toEqual([1, 48]);
  });

  it('counts characters as the limit does: trimmed, spaces folded, one per code point', () => {
    expect(descriptionLength('  two   words ')).toBe(9);
    expect(descriptionLength('🔧 fix')).toBe(5);
  });
});
