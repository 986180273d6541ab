/**
 * Court dates and who goes, as a pure function of their events: the same set
 * gives the same places on every phone, whatever order the events arrived in.
 *
 * Dates are gathered first, whatever their times: a sign-up or cancellation
 * naming a date was made by someone who had seen it, so an earlier time means
 * a clock was off, and that must not lose it. Cancellations are settled before
 * sign-ups, since a sign-up dated after the cancellation does not count.
 * Places go last, over the sign-ups still standing: each member's first one
 * for a date, then per kind of help the first `count` by (time, id). A
 * withdrawn sign-up gives its place to the first one waiting.
 *
 * Withdrawing and cancelling ask no membership: taking back one's own word
 * harms nobody, even after leaving the circle.
 */
import { compareEvents } from '../events';
import type { CourtCancelled, CourtDatePosted, CourtEvent, CourtSignedUp, CourtSignupWithdrawn, MemberKey, RecordId } from './events';
import { isCourtExpiry, slotsProblem } from './rules';
import type { CourtDateState, CourtProblem, CourtProblemReason, CourtSignup, CourtSlotState, CourtState, IsMemberAt } from './types';

interface DateBook {
  readonly date: CourtDatePosted;
  cancelled: CourtCancelled | null;
  /** Sign-ups that counted so far, in (time, id) order; withdrawn ones are taken out. */
  readonly standing: CourtSignedUp[];
}

interface SignupBook {
  readonly event: CourtSignedUp;
  readonly book: DateBook;
  withdrawn: boolean;
}

export function projectCourt(events: Iterable<CourtEvent>, isMember: IsMemberAt): CourtState {
  const sorted = distinctInOrder(events);
  const problems: CourtProblem[] = [];
  const report = (event: CourtEvent, reason: CourtProblemReason | null): void => {
    if (reason !== null) problems.push({ id: event.id, kind: event.kind, author: event.author, at: event.at, reason });
  };

  const books = new Map<RecordId, DateBook>();
  const refusedDates = new Set<RecordId>();
  for (const event of sorted) {
    if (event.kind !== 'court.date') continue;
    const reason = !isMember(event.author, event.at) ? 'not-a-member' : dateProblem(event);
    if (reason === null) books.set(event.id, { date: event, cancelled: null, standing: [] });
    else refusedDates.add(event.id);
    report(event, reason);
  }
  const bookOf = (date: RecordId): DateBook | CourtProblemReason => books.get(date) ?? (refusedDates.has(date) ? 'date-not-counted' : 'unknown-date');

  for (const event of sorted) if (event.kind === 'court.cancelled') report(event, cancel(bookOf(event.date), event));

  const signups = new Map<RecordId, SignupBook>();
  const refusedSignups = new Set<RecordId>();
  for (const event of sorted) {
    if (event.kind !== 'court.signup') continue;
    const book = bookOf(event.date);
    const reason = typeof book === 'string' ? book : signupProblem(book, event, isMember);
    if (reason === null && typeof book !== 'string') {
      book.standing.push(event);
      signups.set(event.id, { event, book, withdrawn: false });
    } else refusedSignups.add(event.id);
    report(event, reason);
  }

  for (const event of sorted) {
    if (event.kind !== 'court.signup.withdrawn') continue;
    const signup = signups.get(event.signup);
    report(event, signup === undefined ? (refusedSignups.has(event.signup) ? 'signup-not-counted' : 'unknown-signup') : withdraw(signup, event));
  }

  const dates = new Map<RecordId, CourtDateState>();
  for (const [id, book] of books) dates.set(id, placeSignups(book, report));
  problems.sort(compareEvents);
  return { dates, problems };
}

/** The rules the record parsers leave to the projection, so that every phone's first download stays small. */
function dateProblem(date: CourtDatePosted): CourtProblemReason | null {
  if (slotsProblem(date.slots) !== null) return 'bad-slots';
  return isCourtExpiry(date.expiresAt, date.at) ? null : 'bad-expiry';
}

function cancel(book: DateBook | CourtProblemReason, event: CourtCancelled): CourtProblemReason | null {
  if (typeof book === 'string') return book;
  if (event.author !== book.date.author) return 'not-the-author';
  if (event.at >= book.date.expiresAt) return 'date-expired';
  if (book.cancelled !== null) return 'already-cancelled';
  book.cancelled = event;
  return null;
}

function signupProblem(book: DateBook, event: CourtSignedUp, isMember: IsMemberAt): CourtProblemReason | null {
  if (!isMember(event.author, event.at)) return 'not-a-member';
  if (!book.date.slots.some((slot) => slot.help === event.help)) return 'help-not-wanted';
  if (event.at >= book.date.expiresAt) return 'date-expired';
  return book.cancelled !== null && event.at >= book.cancelled.at ? 'date-cancelled' : null;
}

function withdraw(signup: SignupBook, event: CourtSignupWithdrawn): CourtProblemReason | null {
  if (event.author !== signup.event.author) return 'not-the-signer';
  if (event.at >= signup.book.date.expiresAt) return 'date-expired';
  if (signup.withdrawn) return 'already-withdrawn';
  signup.withdrawn = true;
  const { standing } = signup.book;
  standing.splice(standing.indexOf(signup.event), 1);
  return null;
}

/** Each member's first standing sign-up, then the first `count` of each kind; the rest are listed and wait. */
function placeSignups(book: DateBook, report: (event: CourtEvent, reason: CourtProblemReason) => void): CourtDateState {
  const members = new Set<MemberKey>();
  const slots = book.date.slots.map((slot) => ({ help: slot.help, count: slot.count, filled: [] as CourtSignup[], waiting: [] as CourtSignup[] }));
  for (const event of book.standing) {
    if (members.has(event.author)) {
      report(event, 'already-signed-up');
      continue;
    }
    members.add(event.author);
    // signupProblem let only wanted kinds through.
    const slot = slots.find((candidate) => candidate.help === event.help)!;
    const signup: CourtSignup = { id: event.id, member: event.author, at: event.at, help: event.help };
    if (slot.filled.length < slot.count) slot.filled.push(signup);
    else {
      slot.waiting.push(signup);
      report(event, 'slot-full');
    }
  }
  const { date, cancelled } = book;
  return {
    id: date.id,
    author: date.author,
    at: date.at,
    expiresAt: date.expiresAt,
    sealedDetails: date.sealedDetails,
    slots: slots satisfies readonly CourtSlotState[],
    cancelled: cancelled === null ? null : { id: cancelled.id, at: cancelled.at },
  };
}

/** One event per id, in the one order: ids are content hashes, so a repeat is the same event again. */
function distinctInOrder(events: Iterable<CourtEvent>): CourtEvent[] {
  const byId = new Map<RecordId, CourtEvent>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()].sort(compareEvents);
}
