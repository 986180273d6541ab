/** What this folder needs from the rest of the domain, gathered in one place. */
export { compareEvents } from '../events';
export type { CircleEvent, EventMeta, MemberKey, RecordId } from '../events';
export { wasMemberAt } from '../circle';
export type { CircleState } from '../circle';
export type {
  AreaNamed,
  CaretakerVolunteered,
  CustodyRole,
  LabelClaimed,
  MarkedToolStatus,
  RepairClosed,
  RepairOpened,
  ToolAudited,
  ToolCategory,
  ToolCondition,
  ToolEvent,
  ToolHandedOver,
  ToolRegistered,
  ToolRequested,
  ToolRequestWithdrawn,
  ToolRulesChanged,
  ToolStatusMarked,
  TutorialWritten,
} from '../tool-events';

import { compareEvents } from '../events';
import { wasMemberAt } from '../circle';
import type { CircleState } from '../circle';
import type { EventMeta, RecordId } from '../events';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Why a record's author cannot speak for the circle at its time, or null when
 * they can. Unknown authors wait: the admission may simply not be here yet.
 */
export function authorProblem(membership: CircleState, event: EventMeta): 'awaiting-history' | 'not-a-member-then' | null {
  if (!membership.members.has(event.author)) return 'awaiting-history';
  return wasMemberAt(membership, event.author, event.at) ? null : 'not-a-member-then';
}

/** Anything placed in the record order: a record, or an entry derived from one. */
export interface Timed {
  readonly id: RecordId;
  readonly at: number;
}

/**
 * The one total order (compareEvents) for entries derived from records. It
 * reads only the time and the id, so the order stays the very same one.
 */
export const compareRecords = compareEvents as (a: Timed, b: Timed) => number;
