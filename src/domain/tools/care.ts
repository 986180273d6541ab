/**
 * What caretakers read about a tool's health: audits, repairs, the marks that
 * say a tool is missing, found or retired, and the status that follows.
 */
import { compareRecords } from './core';
import type { EventMeta, RecordId, RepairClosed, RepairOpened, ToolAudited, ToolStatusMarked } from './core';
import { careFlags } from './custody';
import type {
  Audit,
  ConditionEntry,
  CustodyStep,
  FlaggedRecord,
  Repair,
  RepairClosure,
  StatusMark,
  ToolIgnoredReason,
  ToolStatus,
} from './types';

export interface MarksResult {
  readonly marks: readonly StatusMark[];
  /** The retirement that counts; everything about custody after it is ignored. */
  readonly retirement: EventMeta | null;
  readonly ignored: ReadonlyMap<RecordId, ToolIgnoredReason>;
}

/** Retirement is final: once a tool is retired, later marks change nothing. `marks` are sorted. */
export function resolveMarks(marks: readonly ToolStatusMarked[]): MarksResult {
  const counted: StatusMark[] = [];
  const ignored = new Map<RecordId, ToolIgnoredReason>();
  let retirement: EventMeta | null = null;
  for (const mark of marks) {
    if (retirement !== null) {
      ignored.set(mark.id, 'retired');
      continue;
    }
    counted.push({ id: mark.id, by: mark.author, at: mark.at, status: mark.status, note: mark.note });
    if (mark.status === 'retired') retirement = mark;
  }
  return { marks: counted, retirement, ignored };
}

/** `openings` and `closings` are sorted; the first closing of a repair counts. */
export function resolveRepairs(
  openings: readonly RepairOpened[],
  closings: readonly RepairClosed[],
): { readonly byTool: ReadonlyMap<RecordId, Repair[]>; readonly ignored: ReadonlyMap<RecordId, ToolIgnoredReason> } {
  const ignored = new Map<RecordId, ToolIgnoredReason>();
  const closures = new Map<RecordId, RepairClosure>();
  const opened = new Set(openings.map((opening) => opening.id));
  for (const closing of closings) {
    if (!opened.has(closing.repair)) ignored.set(closing.id, 'awaiting-history');
    else if (closures.has(closing.repair)) ignored.set(closing.id, 'already-closed');
    else {
      closures.set(closing.repair, {
        id: closing.id,
        by: closing.author,
        at: closing.at,
        fix: closing.fix,
        parts: closing.parts,
        minutes: closing.minutes,
      });
    }
  }
  const byTool = new Map<RecordId, Repair[]>();
  for (const opening of openings) {
    const repair: Repair = {
      id: opening.id,
      openedBy: opening.author,
      openedAt: opening.at,
      problem: opening.problem,
      closed: closures.get(opening.id) ?? null,
    };
    const list = byTool.get(opening.tool);
    if (list === undefined) byTool.set(opening.tool, [repair]);
    else list.push(repair);
  }
  return { byTool, ignored };
}

export function auditOf(audit: ToolAudited, accessories: readonly string[]): Audit {
  return {
    id: audit.id,
    by: audit.author,
    at: audit.at,
    present: audit.present,
    condition: audit.condition,
    note: audit.note,
    flags: careFlags(audit.present, audit.condition, accessories),
  };
}

/** Handoffs and audits together, in record order: how the tool has fared. */
export function conditionHistory(chain: readonly CustodyStep[], audits: readonly Audit[]): ConditionEntry[] {
  const entries: ConditionEntry[] = [];
  for (const step of chain) {
    entries.push({ source: 'handoff', id: step.handoff, by: step.to, at: step.at, condition: step.condition, present: step.present, note: step.note });
  }
  for (const audit of audits) {
    entries.push({ source: 'audit', id: audit.id, by: audit.by, at: audit.at, condition: audit.condition, present: audit.present, note: audit.note });
  }
  return entries.sort(compareRecords);
}

/** The records the duo should look at, newest first. */
export function flaggedRecords(chain: readonly CustodyStep[], audits: readonly Audit[]): FlaggedRecord[] {
  const flagged: FlaggedRecord[] = [];
  for (const step of chain) {
    if (step.flags.length > 0) flagged.push({ source: 'handoff', id: step.handoff, by: step.to, at: step.at, flags: step.flags });
  }
  for (const audit of audits) {
    if (audit.flags.length > 0) flagged.push({ source: 'audit', id: audit.id, by: audit.by, at: audit.at, flags: audit.flags });
  }
  return flagged.sort((a, b) => compareRecords(b, a));
}

/**
 * The one status a tool shows, strongest first: retired is final; a missing
 * mark holds until a later found mark or a later handoff (someone had it in
 * hand); then an open repair; then whether a borrower has it.
 */
export function statusOf(
  marks: readonly StatusMark[],
  chain: readonly CustodyStep[],
  repairs: readonly Repair[],
  role: 'loan' | 'host',
): ToolStatus {
  let missing: StatusMark | null = null;
  for (const mark of marks) {
    if (mark.status === 'retired') return 'retired';
    if (mark.status === 'missing') missing = mark;
    else if (mark.status === 'found') missing = null;
  }
  if (missing !== null) {
    const since = missing;
    const seen = chain.some((step) => compareRecords({ id: step.handoff, at: step.at }, since) > 0);
    if (!seen) return 'missing';
  }
  if (repairs.some((repair) => repair.closed === null)) return 'in-repair';
  return role === 'loan' ? 'on-loan' : 'available';
}
