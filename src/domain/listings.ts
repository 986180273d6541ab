/**
 * The offers-and-needs board: what members can give and what they are looking
 * for, until the poster withdraws it or it expires.
 */
import { wasMemberAt } from './circle';
import type { CircleState } from './circle';
import type { CircleEvent, ListingPosted, ListingSide, ListingWithdrawn, MemberKey, RecordId, SkillRef } from './events';

export interface Listing {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly postedAt: number;
  readonly side: ListingSide;
  readonly skill: SkillRef;
  readonly description: string;
  /** The poster's estimate in quarter hours, or null. */
  readonly quarters: number | null;
  readonly expiresAt: number;
}

export type ListingIgnoredReason = 'awaiting-history' | 'not-a-member-then' | 'bad-quarters' | 'not-the-author';

export interface IgnoredListingEvent {
  readonly id: RecordId;
  readonly kind: 'listing.posted' | 'listing.withdrawn';
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: ListingIgnoredReason;
}

export interface Board {
  /** Active offers, newest first. */
  readonly offers: readonly Listing[];
  /** Active needs, newest first. */
  readonly needs: readonly Listing[];
  readonly ignored: readonly IgnoredListingEvent[];
}

export interface Postings {
  /** Every listing that counts, active or not, newest first. */
  readonly listings: readonly Listing[];
  /** Ids of listings their own author withdrew. */
  readonly withdrawn: ReadonlySet<RecordId>;
  readonly ignored: readonly IgnoredListingEvent[];
}

/**
 * Every listing posted by someone who was a member at the time, and the valid
 * withdrawals. A withdrawal of a listing not yet on this phone waits for it.
 */
export function projectPostings(events: Iterable<CircleEvent>, membership: CircleState): Postings {
  const posted = new Map<RecordId, ListingPosted>();
  const withdrawals = new Map<RecordId, ListingWithdrawn>();
  for (const event of events) {
    if (event.kind === 'listing.posted') posted.set(event.id, event);
    else if (event.kind === 'listing.withdrawn') withdrawals.set(event.id, event);
  }
  const ignored: IgnoredListingEvent[] = [];
  const ignore = (event: ListingPosted | ListingWithdrawn, reason: ListingIgnoredReason): void => {
    ignored.push({ id: event.id, kind: event.kind, author: event.author, at: event.at, reason });
  };

  const listings = new Map<RecordId, Listing>();
  for (const event of posted.values()) {
    if (!membership.members.has(event.author)) ignore(event, 'awaiting-history');
    else if (!wasMemberAt(membership, event.author, event.at)) ignore(event, 'not-a-member-then');
    else if (event.quarters !== null && (!Number.isSafeInteger(event.quarters) || event.quarters < 1)) ignore(event, 'bad-quarters');
    else listings.set(event.id, listingOf(event));
  }

  const withdrawn = new Set<RecordId>();
  for (const event of withdrawals.values()) {
    const listing = listings.get(event.listing);
    if (listing === undefined) ignore(event, 'awaiting-history');
    // Only the poster may take a listing down: no one can hide another's need.
    else if (listing.author !== event.author) ignore(event, 'not-the-author');
    else withdrawn.add(listing.id);
  }

  ignored.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { listings: [...listings.values()].sort(newestFirst), withdrawn, ignored };
}

/** The board as it stands at `now`: listings neither withdrawn nor expired. */
export function projectListings(events: Iterable<CircleEvent>, membership: CircleState, now: number): Board {
  const postings = projectPostings(events, membership);
  const active = postings.listings.filter((listing) => !postings.withdrawn.has(listing.id) && listing.expiresAt > now);
  return {
    offers: active.filter((listing) => listing.side === 'offer'),
    needs: active.filter((listing) => listing.side === 'need'),
    ignored: postings.ignored,
  };
}

/** The board narrowed to one skill. */
export function boardForSkill(board: Board, skill: SkillRef): Board {
  return {
    offers: board.offers.filter((listing) => listing.skill === skill),
    needs: board.needs.filter((listing) => listing.skill === skill),
    ignored: board.ignored,
  };
}

/** For a need, the offers of the same skill by others; for an offer, the needs. Newest first. */
export function matchesFor(listing: Listing, board: Board): readonly Listing[] {
  const candidates = listing.side === 'need' ? board.offers : board.needs;
  return candidates.filter((other) => other.skill === listing.skill && other.author !== listing.author);
}

function listingOf(event: ListingPosted): Listing {
  return {
    id: event.id,
    author: event.author,
    postedAt: event.at,
    side: event.side,
    skill: event.skill,
    description: event.description,
    quarters: event.quarters,
    expiresAt: event.expiresAt,
  };
}

function newestFirst(a: Listing, b: Listing): number {
  if (a.postedAt !== b.postedAt) return b.postedAt - a.postedAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
