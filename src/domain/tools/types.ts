/**
 * The shapes the tool commons projects to. Everything here is plain data that
 * every phone computes identically from the same set of records.
 */
import type { CustodyRole, MarkedToolStatus, MemberKey, RecordId, ToolCategory, ToolCondition, ToolEvent } from './core';

/** Raised on a handoff or audit so that the caretaker duo looks at the tool. */
export type CareFlag = 'missing-accessories' | 'damaged';

/** One counted change of hands, in custody order. */
export interface CustodyStep {
  readonly handoff: RecordId;
  readonly offer: RecordId;
  readonly from: MemberKey;
  readonly to: MemberKey;
  /** The receiver's clock. */
  readonly at: number;
  readonly role: CustodyRole;
  readonly present: number;
  readonly condition: ToolCondition;
  readonly area: RecordId | null;
  readonly note: string;
  readonly flags: readonly CareFlag[];
}

/**
 * Two or more handoffs continue custody from the same point (two phones
 * offline, or one offer countersigned twice). The earliest keeps custody on
 * every phone; the others and what followed them stay listed here.
 */
export interface CustodyConflict {
  readonly tool: RecordId;
  /** The registration or handoff the rival handoffs all continue from. */
  readonly after: RecordId;
  /** The holder who handed the tool out more than once. */
  readonly from: MemberKey;
  /** The handoff that counts. */
  readonly kept: RecordId;
  /** The rival handoffs and every handoff that continued from them, in record order. */
  readonly also: readonly RecordId[];
  /** Everyone the rival handoffs handed the tool to, the kept receiver first. */
  readonly holders: readonly MemberKey[];
}

export interface ConditionEntry {
  readonly source: 'handoff' | 'audit';
  readonly id: RecordId;
  readonly by: MemberKey;
  readonly at: number;
  readonly condition: ToolCondition;
  readonly present: number;
  readonly note: string;
}

export interface Audit {
  readonly id: RecordId;
  readonly by: MemberKey;
  readonly at: number;
  readonly present: number;
  readonly condition: ToolCondition;
  readonly note: string;
  readonly flags: readonly CareFlag[];
}

export interface RepairClosure {
  readonly id: RecordId;
  readonly by: MemberKey;
  readonly at: number;
  readonly fix: string;
  readonly parts: string;
  readonly minutes: number;
}

export interface Repair {
  readonly id: RecordId;
  readonly openedBy: MemberKey;
  readonly openedAt: number;
  readonly problem: string;
  readonly closed: RepairClosure | null;
}

export interface StatusMark {
  readonly id: RecordId;
  readonly by: MemberKey;
  readonly at: number;
  readonly status: MarkedToolStatus;
  readonly note: string;
}

export type ToolStatus = 'retired' | 'missing' | 'in-repair' | 'on-loan' | 'available';

export interface QueueEntry {
  readonly request: RecordId;
  readonly member: MemberKey;
  readonly at: number;
}

/** A handoff or audit the caretaker duo should look at. */
export interface FlaggedRecord {
  readonly source: 'handoff' | 'audit';
  readonly id: RecordId;
  readonly by: MemberKey;
  readonly at: number;
  readonly flags: readonly CareFlag[];
}

export interface ToolState {
  readonly id: RecordId;
  readonly name: string;
  readonly category: ToolCategory;
  readonly accessories: readonly string[];
  readonly careNotes: string;
  readonly replacementValue: number | null;
  readonly loanDays: number;
  readonly photo: Uint8Array | null;
  readonly registeredBy: MemberKey;
  readonly registeredAt: number;
  /** Where the tool started, before any handoff moved it. */
  readonly registeredArea: RecordId | null;
  readonly holder: MemberKey;
  /** The `at` of the handoff that gave the holder the tool (the receiver's clock), or the registration's. */
  readonly heldSince: number;
  readonly custodyRole: CustodyRole;
  readonly area: RecordId | null;
  /** What a new offer's `after` must name for its handoff to count. */
  readonly head: RecordId;
  readonly custody: readonly CustodyStep[];
  readonly conditionHistory: readonly ConditionEntry[];
  readonly audits: readonly Audit[];
  readonly repairs: readonly Repair[];
  readonly statusMarks: readonly StatusMark[];
  readonly status: ToolStatus;
  /** When the tool was retired (the counted retired mark's time), or null. */
  readonly retiredAt: number | null;
  /** Requests still waiting, in record order; holds and lapses are read with queueAt. */
  readonly queue: readonly QueueEntry[];
  readonly labels: readonly string[];
  readonly tutorials: readonly RecordId[];
  readonly conflicts: readonly CustodyConflict[];
  /** Newest first. */
  readonly flagged: readonly FlaggedRecord[];
}

export interface Area {
  readonly id: RecordId;
  readonly name: string;
  readonly namedBy: MemberKey;
  readonly at: number;
}

export interface ToolRules {
  readonly maxHeld: number;
  readonly holdHours: number;
}

export interface VolunteerRecord {
  readonly id: RecordId;
  readonly member: MemberKey;
  readonly willing: boolean;
  readonly at: number;
}

export interface Volunteer {
  readonly willing: boolean;
  /** Since when the member has been of this mind: the first record of the current run. */
  readonly since: number;
}

export interface TutorialVersion {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly at: number;
  readonly replaces: RecordId | null;
  readonly title: string;
  readonly text: string;
  readonly photos: readonly Uint8Array[];
  readonly tools: readonly RecordId[];
}

export interface Tutorial {
  /** The id of its first version. */
  readonly id: RecordId;
  readonly title: string;
  readonly text: string;
  readonly photos: readonly Uint8Array[];
  /** The tools the current version is about. */
  readonly tools: readonly RecordId[];
  /** The version shown. */
  readonly current: RecordId;
  /** Other versions nobody has replaced: concurrent edits, kept for a person to merge. */
  readonly otherHeads: readonly RecordId[];
  /** Every version, in record order. */
  readonly versions: readonly TutorialVersion[];
}

export type ToolIgnoredReason =
  | 'awaiting-history'
  | 'not-a-member-then'
  | 'holder-not-a-member-then'
  | 'same-person'
  | 'retired'
  | 'not-the-holder'
  | 'after-ignored'
  | 'wrong-tool'
  | 'label-taken'
  | 'duplicate-request'
  | 'already-holds'
  | 'not-yours'
  | 'not-active'
  | 'already-closed'
  | 'bad-rules';

export interface IgnoredToolEvent {
  readonly id: RecordId;
  readonly kind: ToolEvent['kind'];
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: ToolIgnoredReason;
}

export interface ToolsState {
  /** In registration order. */
  readonly tools: ReadonlyMap<RecordId, ToolState>;
  readonly areas: ReadonlyMap<RecordId, Area>;
  /** Label → tool. */
  readonly labels: ReadonlyMap<string, RecordId>;
  readonly rules: ToolRules;
  /** Each member's latest word on being a caretaker. */
  readonly volunteers: ReadonlyMap<MemberKey, Volunteer>;
  /** Every counted volunteer record in record order: the rotation reads willingness at past instants. */
  readonly volunteerHistory: readonly VolunteerRecord[];
  readonly tutorials: ReadonlyMap<RecordId, Tutorial>;
  /** Every tool's conflicts, in record order of their kept handoffs. */
  readonly conflicts: readonly CustodyConflict[];
  readonly ignored: readonly IgnoredToolEvent[];
}

/** Until the circle decides otherwise: a few tools each keeps them moving, and two days is time enough to meet. */
export const DEFAULT_TOOL_RULES: ToolRules = { maxHeld: 3, holdHours: 48 };
