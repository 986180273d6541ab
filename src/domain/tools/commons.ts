/**
 * The circle-wide parts of the tool commons: named areas, the printed labels
 * stuck on tools, the lending rules, and who offers to be a caretaker.
 */
import type { AreaNamed, CaretakerVolunteered, LabelClaimed, MemberKey, RecordId, ToolRulesChanged } from './core';
import { DEFAULT_TOOL_RULES } from './types';
import type { Area, ToolIgnoredReason, ToolRules, Volunteer, VolunteerRecord } from './types';

/** Every naming is its own area, even with a name used before: records point at ids, not names. */
export function areasOf(namings: readonly AreaNamed[]): Map<RecordId, Area> {
  const areas = new Map<RecordId, Area>();
  for (const naming of namings) areas.set(naming.id, { id: naming.id, name: naming.name, namedBy: naming.author, at: naming.at });
  return areas;
}

/**
 * A label identifies one tool when scanned, so the first claim (in the one
 * total order) keeps it and later claims of it are ignored. `claims` are
 * sorted and their tools known.
 */
export function resolveLabels(claims: readonly LabelClaimed[]): {
  readonly labels: ReadonlyMap<string, RecordId>;
  readonly ignored: ReadonlyMap<RecordId, ToolIgnoredReason>;
} {
  const labels = new Map<string, RecordId>();
  const ignored = new Map<RecordId, ToolIgnoredReason>();
  for (const claim of claims) {
    if (labels.has(claim.label)) ignored.set(claim.id, 'label-taken');
    else labels.set(claim.label, claim.tool);
  }
  return { labels, ignored };
}

function validRules(change: ToolRulesChanged): boolean {
  return Number.isSafeInteger(change.maxHeld) && change.maxHeld >= 1 && Number.isFinite(change.holdHours) && change.holdHours > 0;
}

/**
 * The latest valid change stands; a change no phone could apply (no loans at
 * all, holds of no length) is listed rather than obeyed. `changes` are sorted.
 */
export function resolveRules(changes: readonly ToolRulesChanged[]): {
  readonly rules: ToolRules;
  readonly ignored: ReadonlyMap<RecordId, ToolIgnoredReason>;
} {
  let rules = DEFAULT_TOOL_RULES;
  const ignored = new Map<RecordId, ToolIgnoredReason>();
  for (const change of changes) {
    if (validRules(change)) rules = { maxHeld: change.maxHeld, holdHours: change.holdHours };
    else ignored.set(change.id, 'bad-rules');
  }
  return { rules, ignored };
}

/** `records` are sorted; the rotation needs the whole history, the roster only the latest word. */
export function resolveVolunteers(records: readonly CaretakerVolunteered[]): {
  readonly volunteers: ReadonlyMap<MemberKey, Volunteer>;
  readonly history: readonly VolunteerRecord[];
} {
  const volunteers = new Map<MemberKey, Volunteer>();
  const history: VolunteerRecord[] = [];
  for (const record of records) {
    history.push({ id: record.id, member: record.author, willing: record.willing, at: record.at });
    const before = volunteers.get(record.author);
    if (before === undefined || before.willing !== record.willing) volunteers.set(record.author, { willing: record.willing, since: record.at });
  }
  return { volunteers, history };
}
