/**
 * What the domain knows of a record: its id, who made it and when, and what it
 * says. Keys and ids are unpadded base64url text; the records layer has already
 * checked the bytes and signatures before an event reaches the domain.
 */
export type MemberKey = string;
export type RecordId = string;

export interface EventMeta {
  readonly id: RecordId;
  readonly author: MemberKey;
  /** Milliseconds since the Unix epoch, by the author's clock. */
  readonly at: number;
}

export interface CircleFounded extends EventMeta {
  readonly kind: 'circle.founded';
  readonly circleName: string;
  readonly founderName: string;
  readonly founderBoxKey: string;
}

export interface MemberAdmitted extends EventMeta {
  readonly kind: 'member.admitted';
  readonly member: MemberKey;
  readonly boxKey: string;
  readonly name: string;
}

export interface MemberProfileChanged extends EventMeta {
  readonly kind: 'member.profile';
  readonly name: string;
}

export type CircleEvent = CircleFounded | MemberAdmitted | MemberProfileChanged;
export type CircleEventKind = CircleEvent['kind'];

/** The one total order every phone uses to break ties: time, then id. */
export function compareEvents(a: EventMeta, b: EventMeta): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
