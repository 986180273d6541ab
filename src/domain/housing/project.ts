/**
 * Housing as a pure function of its events: the same set gives the same
 * requests, stays and problems on every phone, whatever order they arrived in.
 *
 * Requests are gathered first, whatever their times: a stay or a closing that
 * names one was made by someone who had seen it, so an earlier time means a
 * clock was off, and that must not lose it. The rest is walked once in the one
 * order (time, then id), which decides whether a stay came after the request
 * was closed and how many people a request already has a roof for. An end
 * dated before its own stay is applied just after the stay, for the same reason.
 */
import { compareEvents } from '../events';
import { isMemberAt } from '../fund/rules';
import type { Membership } from '../fund/rules';
import { isValidNights, isValidPeople } from './events';
import type { HousingClosed, HousingEvent, HousingRequested, HousingStay, HousingStayEnded, RecordId } from './events';
import type { HousingClosure, HousingProblem, HousingProblemReason, HousingRequestState, HousingState, StayEnd, StayState } from './types';

interface RequestBook {
  readonly request: HousingRequested;
  closure: HousingClosure | null;
  readonly stays: StayBook[];
}

interface StayBook {
  readonly stay: HousingStay;
  readonly book: RequestBook;
  end: StayEnd | null;
}

function nightsStayed({ stay, end }: StayBook): number {
  return end === null ? stay.nights : end.day - stay.from;
}

/** People a request's counted stays house on the night of `day`. */
function housedOn(book: RequestBook, day: number): number {
  let people = 0;
  for (const stay of book.stays) if (day >= stay.stay.from && day < stay.stay.from + nightsStayed(stay)) people += stay.stay.people;
  return people;
}

/**
 * Projects housing. `membership` says who was a member when (see
 * fund/rules.ts): a request, and a stay, counts only if its author was a
 * member at its time. Closing and ending need no membership: taking back
 * one's own request or one's own offer harms nobody.
 */
export function projectHousing(events: Iterable<HousingEvent>, membership: Membership): HousingState {
  const sorted = distinctInOrder(events);
  const problems: HousingProblem[] = [];
  const report = (event: HousingEvent, reason: HousingProblemReason | null): void => {
    if (reason !== null) problems.push({ id: event.id, kind: event.kind, author: event.author, at: event.at, reason });
  };

  const requests = new Map<RecordId, RequestBook>();
  const refusedRequests = new Set<RecordId>();
  const unwalkedStays = new Set<RecordId>();
  for (const event of sorted) {
    if (event.kind === 'housing.stay') unwalkedStays.add(event.id);
    if (event.kind !== 'housing.requested') continue;
    const reason = !isMemberAt(membership, event.author, event.at) ? 'not-a-member' : isValidPeople(event.people) && isValidNights(event.nights) ? null : 'bad-size';
    if (reason === null) requests.set(event.id, { request: event, closure: null, stays: [] });
    else refusedRequests.add(event.id);
    report(event, reason);
  }

  const stays = new Map<RecordId, StayBook>();
  const refusedStays = new Set<RecordId>();
  const waiting = new Map<RecordId, HousingStayEnded[]>();
  for (const event of sorted) {
    if (event.kind === 'housing.stay') {
      unwalkedStays.delete(event.id);
      const reason = recordStay(event);
      report(event, reason);
      if (reason !== null) refusedStays.add(event.id);
      for (const end of waiting.get(event.id) ?? []) report(end, reason === null ? endStay(end) : 'stay-not-counted');
      waiting.delete(event.id);
    } else if (event.kind === 'housing.closed') {
      report(event, close(event));
    } else if (event.kind === 'housing.stay.ended') {
      if (unwalkedStays.has(event.stay)) waiting.set(event.stay, [...(waiting.get(event.stay) ?? []), event]);
      else report(event, endStay(event));
    }
  }

  function recordStay(event: HousingStay): HousingProblemReason | null {
    const book = requests.get(event.request);
    if (book === undefined) return refusedRequests.has(event.request) ? 'request-not-counted' : 'unknown-request';
    if (!isMemberAt(membership, event.author, event.at)) return 'not-a-member';
    if (!isValidPeople(event.people) || !isValidNights(event.nights)) return 'bad-size';
    if (event.author === book.request.author) return 'by-requester';
    if (book.closure !== null) return 'request-closed';
    for (let day = event.from; day < event.from + event.nights; day++) {
      if (housedOn(book, day) + event.people > book.request.people) return 'request-full';
    }
    const stay: StayBook = { stay: event, book, end: null };
    book.stays.push(stay);
    stays.set(event.id, stay);
    return null;
  }

  function close(event: HousingClosed): HousingProblemReason | null {
    const book = requests.get(event.request);
    if (book === undefined) return refusedRequests.has(event.request) ? 'request-not-counted' : 'unknown-request';
    if (event.author !== book.request.author) return 'not-the-requester';
    if (book.closure !== null) return 'request-closed';
    book.closure = { id: event.id, author: event.author, at: event.at, reason: event.reason };
    return null;
  }

  function endStay(event: HousingStayEnded): HousingProblemReason | null {
    const stay = stays.get(event.stay);
    if (stay === undefined) return refusedStays.has(event.stay) ? 'stay-not-counted' : 'unknown-stay';
    if (event.author !== stay.stay.author && event.author !== stay.book.request.author) return 'not-host-or-requester';
    if (stay.end !== null) return 'stay-ended';
    if (event.day < stay.stay.from || event.day >= stay.stay.from + stay.stay.nights) return 'bad-day';
    stay.end = { id: event.id, author: event.author, at: event.at, day: event.day };
    return null;
  }

  problems.sort(compareEvents);
  const stayStates = new Map([...stays].map(([id, stay]) => [id, stayState(stay)]));
  return {
    requests: new Map([...requests].map(([id, book]) => [id, requestState(book)])),
    stays: stayStates,
    buffered: [...stayStates.values()].filter(buffersACrisis).length,
    problems,
  };
}

/** A stay that housed someone for at least a night: one crisis the circle buffered. */
export function buffersACrisis(stay: StayState): boolean {
  return stay.nightsStayed > 0;
}

function stayState(book: StayBook): StayState {
  const { stay } = book;
  return { id: stay.id, request: stay.request, host: stay.author, at: stay.at, people: stay.people, from: stay.from, nights: stay.nights, end: book.end, nightsStayed: nightsStayed(book) };
}

function requestState(book: RequestBook): HousingRequestState {
  const { request } = book;
  const housed = book.stays.some((stay) => nightsStayed(stay) > 0);
  return {
    id: request.id,
    requester: request.author,
    at: request.at,
    people: request.people,
    nights: request.nights,
    from: request.from,
    accessible: request.accessible,
    neighbour: request.neighbour,
    sealedNote: request.sealedNote,
    status: book.closure !== null ? 'closed' : housed ? 'housed' : 'open',
    closure: book.closure,
    stays: book.stays.map((stay) => stay.stay.id),
  };
}

/** One event per id, in the one order: ids are content hashes, so a repeat is the same event again. */
function distinctInOrder(events: Iterable<HousingEvent>): HousingEvent[] {
  const byId = new Map<RecordId, HousingEvent>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()].sort(compareEvents);
}
