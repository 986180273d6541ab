/**
 * Tool commons events made directly as domain objects, for the tool and
 * caretaker tests. Ids are given or derived from the content, so the same
 * call always makes the same event.
 */
import type { MemberKey, RecordId } from '../../../src/domain/events';
import type {
  AreaNamed,
  CaretakerVolunteered,
  CustodyRole,
  LabelClaimed,
  MarkedToolStatus,
  RepairClosed,
  RepairOpened,
  ToolAudited,
  ToolCondition,
  ToolHandedOver,
  ToolRegistered,
  ToolRequested,
  ToolRequestWithdrawn,
  ToolRulesChanged,
  ToolStatusMarked,
  TutorialWritten,
} from '../../../src/domain/tool-events';
import { HOUR, T0 } from '../../fixtures/ledger';

export interface RegisterOptions {
  readonly id?: RecordId;
  readonly by: MemberKey;
  readonly at?: number;
  readonly name?: string;
  readonly accessories?: readonly string[];
  readonly loanDays?: number;
  readonly area?: RecordId | null;
}

export function registered(options: RegisterOptions): ToolRegistered {
  const at = options.at ?? T0;
  return {
    kind: 'tool.registered',
    id: options.id ?? `tool:${options.by}:${at}`,
    author: options.by,
    at,
    name: options.name ?? 'Drill',
    category: 'power-tools',
    area: options.area ?? null,
    accessories: options.accessories ?? [],
    careNotes: '',
    replacementValue: null,
    loanDays: options.loanDays ?? 7,
    photo: null,
  };
}

export interface HandoffOptions {
  readonly id?: RecordId;
  readonly tool: RecordId;
  readonly from: MemberKey;
  readonly to: MemberKey;
  /** The registration or handoff the holder got the tool by. */
  readonly after: RecordId;
  readonly at: number;
  readonly offerAt?: number;
  readonly offerId?: RecordId;
  readonly role?: CustodyRole;
  readonly present?: number;
  readonly condition?: ToolCondition;
  readonly area?: RecordId | null;
  readonly note?: string;
}

export function handoff(options: HandoffOptions): ToolHandedOver {
  const offerAt = options.offerAt ?? options.at;
  const offerId = options.offerId ?? `offer:${options.tool}:${options.from}:${options.after}:${offerAt}`;
  return {
    kind: 'tool.handoff',
    id: options.id ?? `hand:${offerId}:${options.to}:${options.at}`,
    author: options.to,
    at: options.at,
    offer: { id: offerId, tool: options.tool, holder: options.from, after: options.after, at: offerAt },
    role: options.role ?? 'loan',
    present: options.present ?? 0xffff,
    condition: options.condition ?? 'good',
    area: options.area ?? null,
    note: options.note ?? '',
  };
}

export function requested(tool: RecordId, by: MemberKey, at: number, id = `req:${tool}:${by}:${at}`): ToolRequested {
  return { kind: 'tool.requested', id, author: by, at, tool };
}

export function withdrew(request: ToolRequested, by: MemberKey = request.author, at = request.at + HOUR): ToolRequestWithdrawn {
  return { kind: 'tool.request.withdrawn', id: `wd:${request.id}:${by}:${at}`, author: by, at, request: request.id };
}

export function marked(tool: RecordId, status: MarkedToolStatus, by: MemberKey, at: number): ToolStatusMarked {
  return { kind: 'tool.status', id: `mark:${tool}:${status}:${at}`, author: by, at, tool, status, note: '' };
}

export function audited(tool: RecordId, by: MemberKey, at: number, condition: ToolCondition = 'good', present = 0xffff): ToolAudited {
  return { kind: 'tool.audited', id: `audit:${tool}:${at}`, author: by, at, tool, present, condition, note: '' };
}

export function repairOpened(tool: RecordId, by: MemberKey, at: number): RepairOpened {
  return { kind: 'repair.opened', id: `repair:${tool}:${at}`, author: by, at, tool, problem: 'Chuck slips' };
}

export function repairClosed(repair: RepairOpened, by: MemberKey, at: number): RepairClosed {
  return { kind: 'repair.closed', id: `fixed:${repair.id}:${at}`, author: by, at, repair: repair.id, fix: 'New chuck', parts: 'chuck', minutes: 40 };
}

export function volunteered(by: MemberKey, at: number, willing = true): CaretakerVolunteered {
  return { kind: 'caretaker.volunteer', id: `vol:${by}:${at}:${willing}`, author: by, at, willing };
}

export function areaNamed(name: string, by: MemberKey, at: number): AreaNamed {
  return { kind: 'area.named', id: `area:${name}:${at}`, author: by, at, name };
}

export function labelClaimed(label: string, tool: RecordId, by: MemberKey, at: number): LabelClaimed {
  return { kind: 'label.claimed', id: `label:${label}:${tool}:${at}`, author: by, at, label, tool };
}

export function rulesChanged(by: MemberKey, at: number, maxHeld: number, holdHours: number): ToolRulesChanged {
  return { kind: 'tools.settings', id: `rules:${at}:${maxHeld}:${holdHours}`, author: by, at, maxHeld, holdHours };
}

export function tutorial(options: {
  readonly id: RecordId;
  readonly by: MemberKey;
  readonly at: number;
  readonly replaces?: RecordId | null;
  readonly tools?: readonly RecordId[];
  readonly title?: string;
  readonly text?: string;
}): TutorialWritten {
  return {
    kind: 'tutorial.written',
    id: options.id,
    author: options.by,
    at: options.at,
    replaces: options.replaces ?? null,
    tools: options.tools ?? [],
    title: options.title ?? 'Sharpening',
    text: options.text ?? options.id,
    photos: [],
  };
}
