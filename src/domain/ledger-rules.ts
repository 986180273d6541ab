/**
 * The rules that decide whether a countersignature makes an exchange, shared by
 * the full projection (ledger.ts) and the incremental index (ledger-index.ts)
 * so that the two cannot drift apart.
 */
import { wasMemberAt } from './circle';
import type { CircleState } from './circle';
import { compareEvents } from './events';
import type { ExchangeConfirmed, MemberKey, RecordId, SkillRef } from './events';

/** A quarter hour to twelve hours. */
export const MIN_EXCHANGE_QUARTERS = 1;
export const MAX_EXCHANGE_QUARTERS = 48;

/** The cycle index of an instant, built by the caller from the circle's reset rule. */
export type CycleOf = (at: number) => number;

/** One counted exchange: one countersignature of a draft. */
export interface Exchange {
  /** The id of the confirmation that made it. */
  readonly id: RecordId;
  readonly draftId: RecordId;
  /** The draft's time: when the exchange happened, by the first party's clock. */
  readonly at: number;
  readonly confirmedAt: number;
  readonly cycle: number;
  readonly provider: MemberKey;
  readonly receiver: MemberKey;
  readonly quarters: number;
  readonly skill: SkillRef;
  readonly note: string;
}

/**
 * Why a confirmation does not count. The "unknown" reasons are normal on a
 * phone whose membership records have not all arrived: a rebuild with the
 * newer membership may count them.
 */
export type InvalidReason =
  | 'self-exchange'
  | 'bad-quarters'
  | 'bad-seats'
  | 'group-not-provider'
  | 'draft-author-unknown'
  | 'draft-author-not-member-then'
  | 'countersigner-unknown'
  | 'countersigner-not-member-then'
  /** The same member countersigned the same draft before: only the first counts. */
  | 'repeated';

export interface InvalidConfirmation {
  readonly id: RecordId;
  readonly draftId: RecordId;
  /** The countersigner. */
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: InvalidReason;
}

export interface ExtraCountersignature {
  readonly id: RecordId;
  readonly countersigner: MemberKey;
}

/**
 * More members countersigned a draft than it has seats. The first by time then
 * id count on every phone; the draft's author and each extra countersigner
 * should be told.
 */
export interface ExchangeConflict {
  readonly draftId: RecordId;
  readonly draftAuthor: MemberKey;
  /** The draft's time. */
  readonly at: number;
  readonly cycle: number;
  /** Ids of the confirmations that count, oldest first. */
  readonly counted: readonly RecordId[];
  readonly extra: readonly ExtraCountersignature[];
}

/** Why a confirmation cannot count on its own, whatever else is on record, or null if it can. */
export function checkConfirmation(confirmation: ExchangeConfirmed, membership: CircleState): InvalidReason | null {
  const { draft } = confirmation;
  if (!Number.isInteger(draft.quarters) || draft.quarters < MIN_EXCHANGE_QUARTERS || draft.quarters > MAX_EXCHANGE_QUARTERS) {
    return 'bad-quarters';
  }
  if (!Number.isSafeInteger(draft.seats) || draft.seats < 1) return 'bad-seats';
  // A group shares one provider's time among several receivers; several
  // providers each claiming one receiver's time would be several exchanges.
  if (draft.seats > 1 && draft.role !== 'provider') return 'group-not-provider';
  if (confirmation.author === draft.author) return 'self-exchange';
  if (!membership.members.has(draft.author)) return 'draft-author-unknown';
  if (!wasMemberAt(membership, draft.author, draft.at)) return 'draft-author-not-member-then';
  if (!membership.members.has(confirmation.author)) return 'countersigner-unknown';
  if (!wasMemberAt(membership, confirmation.author, confirmation.at)) return 'countersigner-not-member-then';
  return null;
}

export function invalidOf(confirmation: ExchangeConfirmed, reason: InvalidReason): InvalidConfirmation {
  return { id: confirmation.id, draftId: confirmation.draft.id, author: confirmation.author, at: confirmation.at, reason };
}

export function exchangeOf(confirmation: ExchangeConfirmed, cycle: number): Exchange {
  const { draft } = confirmation;
  const firstIsProvider = draft.role === 'provider';
  return {
    id: confirmation.id,
    draftId: draft.id,
    at: draft.at,
    confirmedAt: confirmation.at,
    cycle,
    provider: firstIsProvider ? draft.author : confirmation.author,
    receiver: firstIsProvider ? confirmation.author : draft.author,
    quarters: draft.quarters,
    skill: draft.skill,
    note: draft.note,
  };
}

/** The order of exchanges everywhere: the draft's time, then the confirmation's id. */
export function compareExchanges(a: Exchange, b: Exchange): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface DraftResolution {
  readonly counted: readonly ExchangeConfirmed[];
  readonly repeated: readonly ExchangeConfirmed[];
  readonly extra: readonly ExchangeConfirmed[];
}

/**
 * Which valid confirmations of one draft count. They must be sorted by
 * compareEvents: the first `seats` distinct countersigners count, so every
 * phone picks the same ones whatever order the records came in.
 */
export function resolveDraft(sorted: readonly ExchangeConfirmed[]): DraftResolution {
  const seats = sorted[0]?.draft.seats ?? 0;
  const counted: ExchangeConfirmed[] = [];
  const repeated: ExchangeConfirmed[] = [];
  const extra: ExchangeConfirmed[] = [];
  const signers = new Set<MemberKey>();
  for (const confirmation of sorted) {
    if (signers.has(confirmation.author)) repeated.push(confirmation);
    else if (counted.length < seats) counted.push(confirmation);
    else extra.push(confirmation);
    signers.add(confirmation.author);
  }
  return { counted, repeated, extra };
}

export function conflictOf(resolution: DraftResolution, cycle: number): ExchangeConflict | null {
  const first = resolution.counted[0];
  if (first === undefined || resolution.extra.length === 0) return null;
  return {
    draftId: first.draft.id,
    draftAuthor: first.draft.author,
    at: first.draft.at,
    cycle,
    counted: resolution.counted.map((confirmation) => confirmation.id),
    extra: resolution.extra.map((confirmation) => ({ id: confirmation.id, countersigner: confirmation.author })),
  };
}

/** Conflicts in the order of their drafts: time, then id. */
export function compareConflicts(a: ExchangeConflict, b: ExchangeConflict): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.draftId < b.draftId ? -1 : a.draftId > b.draftId ? 1 : 0;
}

/** Sorts a list of invalid confirmations into the one order every phone shows. */
export function sortInvalid(list: InvalidConfirmation[]): InvalidConfirmation[] {
  return list.sort(compareEvents);
}

/** Inserts into a sorted array, keeping it sorted; returns the index used. */
export function insertSorted<T>(items: T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(items[mid]!, item) <= 0) low = mid + 1;
    else high = mid;
  }
  items.splice(low, 0, item);
  return low;
}

/** The index of an item comparing equal in a sorted array, or -1. */
export function findSorted<T>(items: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compare(items[mid]!, item);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid;
  }
  return -1;
}
