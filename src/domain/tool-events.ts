/**
 * The events of the roaming tool commons. A tool lives with a member (its
 * holder) and changes hands by a handoff that both people sign: the holder
 * signs an offer and shows it as a code, the receiver checks the tool and
 * countersigns. Everything else (requests, audits, repairs, statuses) is a
 * record by one member.
 */
import type { EventMeta, MemberKey, RecordId } from './events';

export const TOOL_CATEGORIES = [
  'hand-tools',
  'power-tools',
  'garden',
  'ladders',
  'kitchen',
  'cleaning',
  'bikes',
  'camping',
  'moving',
  'sewing',
  'electronics',
  'other',
] as const;
export type ToolCategory = (typeof TOOL_CATEGORIES)[number];

export type ToolCondition = 'good' | 'worn' | 'damaged';

/**
 * A borrower takes a tool for the loan period and it counts toward the
 * circle's limit of tools held at once; a host keeps it available for others.
 */
export type CustodyRole = 'loan' | 'host';

export interface ToolRegistered extends EventMeta {
  readonly kind: 'tool.registered';
  readonly name: string;
  readonly category: ToolCategory;
  /** The area.named record of the area where the tool starts, or null. */
  readonly area: RecordId | null;
  /** The accessories checklist, in order: a handoff ticks them by position. */
  readonly accessories: readonly string[];
  readonly careNotes: string;
  /** In the circle's money unit, whole units; null when nobody gave one. */
  readonly replacementValue: number | null;
  readonly loanDays: number;
  /** A JPEG, WebP or PNG thumbnail of at most 30 KB, or null. */
  readonly photo: Uint8Array | null;
}

/** What the holder signs and shows as a code. Its id is the hash of its bytes. */
export interface HandoffOffer {
  readonly id: RecordId;
  readonly tool: RecordId;
  readonly holder: MemberKey;
  /** The handoff by which the holder got the tool, or the registration for its first host. */
  readonly after: RecordId;
  /** The holder's clock. */
  readonly at: number;
}

/** The receiver's countersignature: the record that moves the tool. Its author is the receiver. */
export interface ToolHandedOver extends EventMeta {
  readonly kind: 'tool.handoff';
  readonly offer: HandoffOffer;
  readonly role: CustodyRole;
  /** The accessories the receiver found, as a bit per checklist position. */
  readonly present: number;
  readonly condition: ToolCondition;
  /** Where the tool goes: an area.named record, or null. */
  readonly area: RecordId | null;
  readonly note: string;
}

export interface ToolRequested extends EventMeta {
  readonly kind: 'tool.requested';
  readonly tool: RecordId;
}

/** The requester leaves the queue (or a tool.requested is otherwise settled). */
export interface ToolRequestWithdrawn extends EventMeta {
  readonly kind: 'tool.request.withdrawn';
  readonly request: RecordId;
}

export type MarkedToolStatus = 'missing' | 'retired' | 'found';

export interface ToolStatusMarked extends EventMeta {
  readonly kind: 'tool.status';
  readonly tool: RecordId;
  readonly status: MarkedToolStatus;
  readonly note: string;
}

export interface ToolAudited extends EventMeta {
  readonly kind: 'tool.audited';
  readonly tool: RecordId;
  readonly present: number;
  readonly condition: ToolCondition;
  readonly note: string;
}

/** A repair begins: the tool is out of circulation until it is closed. */
export interface RepairOpened extends EventMeta {
  readonly kind: 'repair.opened';
  readonly tool: RecordId;
  readonly problem: string;
}

export interface RepairClosed extends EventMeta {
  readonly kind: 'repair.closed';
  readonly repair: RecordId;
  readonly fix: string;
  readonly parts: string;
  readonly minutes: number;
}

/** A member offers to be a caretaker from now on, or stops offering. */
export interface CaretakerVolunteered extends EventMeta {
  readonly kind: 'caretaker.volunteer';
  readonly willing: boolean;
}

/** The circle names an area of the neighbourhood; its id is the record's id. */
export interface AreaNamed extends EventMeta {
  readonly kind: 'area.named';
  readonly name: string;
}

/** A printed blank label (16 random bytes, base64url) is stuck on a tool. */
export interface LabelClaimed extends EventMeta {
  readonly kind: 'label.claimed';
  readonly label: string;
  readonly tool: RecordId;
}

export interface ToolRulesChanged extends EventMeta {
  readonly kind: 'tools.settings';
  /** Tools one member may hold on loan at once. */
  readonly maxHeld: number;
  /** How long the first in a queue has to take a tool up once it is free for them. */
  readonly holdHours: number;
}

/** A repair tutorial: each record is a version; `replaces` is the version it edits, or null for a new one. */
export interface TutorialWritten extends EventMeta {
  readonly kind: 'tutorial.written';
  readonly replaces: RecordId | null;
  readonly tools: readonly RecordId[];
  readonly title: string;
  readonly text: string;
  /** Up to two small pictures of the steps (JPEG, WebP or PNG). */
  readonly photos: readonly Uint8Array[];
}

export type ToolEvent =
  | ToolRegistered
  | ToolHandedOver
  | ToolRequested
  | ToolRequestWithdrawn
  | ToolStatusMarked
  | ToolAudited
  | RepairOpened
  | RepairClosed
  | CaretakerVolunteered
  | AreaNamed
  | LabelClaimed
  | ToolRulesChanged
  | TutorialWritten;
