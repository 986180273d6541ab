/**
 * What the housing records say, as the domain sees them: a member asks for
 * somewhere to stay, a host records that they took someone in, the one who
 * asked closes the request, and a stay ends before its last night. These are
 * members of CircleEvent, carried by records/kinds/housing.ts.
 *
 * Days are calendar days numbered from 1970-01-01 (day 0), as a date picker
 * gives them: a night is named by the day it begins, so a stay of 3 nights
 * from day d covers the nights of d, d + 1 and d + 2, and the guest leaves on
 * the morning of d + 3.
 */
import type { EventMeta, MemberKey, RecordId } from '../events';

export type { MemberKey, RecordId };

/** A household, not a shelter: a larger group needs the whole circle at an assembly, not one record. */
export const MAX_PEOPLE = 12;
/** Two months: longer is a tenancy rather than a crisis stay. */
export const MAX_NIGHTS = 60;
/** How far a record's days may lie from its time: back, since a stay may be recorded after the fact, when the host finally has a moment; and ahead. */
export const DAYS_BACK = 90;
export const DAYS_AHEAD = 366;

export const DAY_MS = 86_400_000;

/** Why a requester closes a request: records carry the position here, so new reasons are appended. */
export const CLOSE_REASONS = ['housed-elsewhere', 'not-needed'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** `author` asks the circle for somewhere to stay, for themselves or for a neighbour. */
export interface HousingRequested extends EventMeta {
  readonly kind: 'housing.requested';
  readonly people: number;
  readonly nights: number;
  /** The first night needed. */
  readonly from: number;
  /** Step-free access needed. */
  readonly accessible: boolean;
  /** Asked on behalf of a neighbour who is not (yet) a member; who they are is in the note. */
  readonly neighbour: boolean;
  /** A note sealed with the circle's field key (records/sealed-field.ts), or null for none. */
  readonly sealedNote: Uint8Array | null;
}

/** `author` hosts `people` of a request's people for `nights` nights from `from`. */
export interface HousingStay extends EventMeta {
  readonly kind: 'housing.stay';
  readonly request: RecordId;
  readonly people: number;
  readonly nights: number;
  readonly from: number;
}

/** The requester no longer needs the circle to find a place. */
export interface HousingClosed extends EventMeta {
  readonly kind: 'housing.closed';
  readonly request: RecordId;
  readonly reason: CloseReason;
}

/** A stay ends early, on the morning of `day`: its last night is `day - 1`. */
export interface HousingStayEnded extends EventMeta {
  readonly kind: 'housing.stay.ended';
  readonly stay: RecordId;
  readonly day: number;
}

export type HousingEvent = HousingRequested | HousingStay | HousingClosed | HousingStayEnded;
export type HousingEventKind = HousingEvent['kind'];

export function isValidPeople(people: number): boolean {
  return Number.isInteger(people) && people >= 1 && people <= MAX_PEOPLE;
}

export function isValidNights(nights: number): boolean {
  return Number.isInteger(nights) && nights >= 1 && nights <= MAX_NIGHTS;
}

/** The calendar day (UTC) of an instant. */
export function dayOf(at: number): number {
  return Math.floor(at / DAY_MS);
}

/**
 * A day a record made at `at` can sensibly name: a few months back (a stay
 * recorded late) to a year ahead. Bounding it keeps every day arithmetic small
 * and a forged record from naming the year 275000.
 */
export function isDayNear(day: number, at: number): boolean {
  const today = dayOf(at);
  return Number.isInteger(day) && day >= today - DAYS_BACK && day <= today + DAYS_AHEAD;
}
