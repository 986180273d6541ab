/**
 * What the housing projection gives: plain data that every phone computes
 * identically from the same set of events.
 */
import type { CloseReason, HousingEventKind, MemberKey, RecordId } from './events';

/**
 * Why an event does not count. Every one is listed; none stops the others.
 * - `bad-size`: people or nights out of range (no phone of ours writes it).
 * - `not-a-member`: its author was not a member at its time.
 * - `unknown-request`, `unknown-stay`: names one this phone does not have (yet).
 * - `request-not-counted`, `stay-not-counted`: names one that did not count itself.
 * - `by-requester`: a stay recorded by the one who asked: hosting oneself buffers nothing.
 * - `request-closed`: a stay, or a second closing, after the request was closed.
 * - `request-full`: with the other stays of the request, more people on a night than it asked for.
 * - `not-the-requester`: closing someone else's request.
 * - `not-host-or-requester`: ending a stay one neither hosts nor asked for.
 * - `stay-ended`: ending a stay that has already ended.
 * - `bad-day`: an end outside the stay's nights: before it began, or not early.
 */
export type HousingProblemReason =
  | 'bad-size'
  | 'not-a-member'
  | 'unknown-request'
  | 'request-not-counted'
  | 'by-requester'
  | 'request-closed'
  | 'request-full'
  | 'not-the-requester'
  | 'unknown-stay'
  | 'stay-not-counted'
  | 'not-host-or-requester'
  | 'stay-ended'
  | 'bad-day';

export interface HousingProblem {
  readonly id: RecordId;
  readonly kind: HousingEventKind;
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: HousingProblemReason;
}

/** `open` until a stay houses someone, `closed` once the requester closes it, whatever its stays. */
export type HousingStatus = 'open' | 'housed' | 'closed';

export interface HousingClosure {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: CloseReason;
}

export interface StayEnd {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly at: number;
  /** The morning the guest left. */
  readonly day: number;
}

export interface StayState {
  readonly id: RecordId;
  readonly request: RecordId;
  readonly host: MemberKey;
  readonly at: number;
  readonly people: number;
  /** The first night. */
  readonly from: number;
  /** Nights as recorded. */
  readonly nights: number;
  readonly end: StayEnd | null;
  /** Nights as they turned out: fewer when it ended early, 0 when it ended before its first night. */
  readonly nightsStayed: number;
}

export interface HousingRequestState {
  readonly id: RecordId;
  readonly requester: MemberKey;
  readonly at: number;
  readonly people: number;
  readonly nights: number;
  readonly from: number;
  readonly accessible: boolean;
  readonly neighbour: boolean;
  readonly sealedNote: Uint8Array | null;
  readonly status: HousingStatus;
  readonly closure: HousingClosure | null;
  /** Its stays that count, in the order they were recorded. */
  readonly stays: readonly RecordId[];
}

export interface HousingState {
  /** In request order. */
  readonly requests: ReadonlyMap<RecordId, HousingRequestState>;
  /** Stays that count, in record order. */
  readonly stays: ReadonlyMap<RecordId, StayState>;
  /** Crises the circle buffered: stays that count and housed someone for at least a night. */
  readonly buffered: number;
  /** In event order. */
  readonly problems: readonly HousingProblem[];
}
