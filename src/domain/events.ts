/**
 * What the domain knows of a record: its id, who made it and when, and what it
 * says. Keys and ids are unpadded base64url text; the records layer has already
 * checked the bytes and signatures before an event reaches the domain.
 */
import type { CourtEvent } from './court/events';
import type { DefenseEvent } from './defense-events';
import type { FundEvent } from './fund/events';
import type { HousingEvent } from './housing/events';
import type { ToolEvent } from './tool-events';

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

/**
 * A skill as records name it: the key of one of the circle's starting skills
 * ('repair', 'gardening', ...), or `custom:` and the first bytes of the id of
 * the record that added it, so that phones adding skills offline never clash.
 */
export type SkillRef = string;

export type ExchangeRole = 'provider' | 'receiver';

/**
 * What the first party signed and showed as a code. Its id is the hash of the
 * signed draft, so every countersignature of the same draft names the same id.
 */
export interface ExchangeDraft {
  readonly id: RecordId;
  readonly author: MemberKey;
  /** The first party's clock: the time of the exchange. */
  readonly at: number;
  /** The first party's side of the exchange. */
  readonly role: ExchangeRole;
  /** Hours in quarters: 1 to 48 (a quarter hour to twelve hours). */
  readonly quarters: number;
  readonly skill: SkillRef;
  readonly note: string;
  /**
   * How many people may countersign: 1 for an exchange between two, more when
   * a provider teaches a group and each receiver countersigns their share.
   */
  readonly seats: number;
}

/** The second party's countersignature of a draft: the record that makes an exchange. */
export interface ExchangeConfirmed extends EventMeta {
  readonly kind: 'exchange.confirmed';
  readonly draft: ExchangeDraft;
}

export type ListingSide = 'offer' | 'need';

export interface ListingPosted extends EventMeta {
  readonly kind: 'listing.posted';
  readonly side: ListingSide;
  readonly skill: SkillRef;
  readonly description: string;
  /** An estimate of the hours, in quarters, or null when the poster gave none. */
  readonly quarters: number | null;
  readonly expiresAt: number;
}

export interface ListingWithdrawn extends EventMeta {
  readonly kind: 'listing.withdrawn';
  readonly listing: RecordId;
}

export type ResetRuleSetting =
  | { readonly kind: 'new-moon' }
  | { readonly kind: 'full-moon' }
  | { readonly kind: 'day-of-month'; readonly day: number; readonly utcOffsetMinutes: number };

export interface CircleSettingsChanged extends EventMeta {
  readonly kind: 'circle.settings';
  readonly resetRule: ResetRuleSetting;
  /** Limits per cycle, in quarter hours: lower ≤ 0 ≤ upper. */
  readonly lowerLimit: number;
  readonly upperLimit: number;
  /** Soft limits warn both parties; hard limits make a phone refuse to countersign. */
  readonly limitMode: 'soft' | 'hard';
}

export interface SkillAdded extends EventMeta {
  readonly kind: 'skill.added';
  readonly skill: SkillRef;
  readonly name: string;
  readonly essential: boolean;
}

/** The circle decides which skills are essential (food, care, shelter, health, repair and the like). */
export interface SkillMarked extends EventMeta {
  readonly kind: 'skill.marked';
  readonly skill: SkillRef;
  readonly essential: boolean;
}

export interface CycleThemed extends EventMeta {
  readonly kind: 'cycle.theme';
  readonly cycle: number;
  readonly theme: string;
}

export type CircleEvent =
  | CircleFounded
  | MemberAdmitted
  | MemberProfileChanged
  | ExchangeConfirmed
  | ListingPosted
  | ListingWithdrawn
  | CircleSettingsChanged
  | SkillAdded
  | SkillMarked
  | CycleThemed
  | ToolEvent
  | DefenseEvent
  | FundEvent
  | CourtEvent
  | HousingEvent;
export type CircleEventKind = CircleEvent['kind'];

/** The one total order every phone uses to break ties: time, then id. */
export function compareEvents(a: EventMeta, b: EventMeta): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
