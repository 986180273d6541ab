/** What the caretaker screen reads: this cycle's duos, and what needs a duo's attention. */
import type { CircleView } from '../../app/circle-view';
import { caretakerDuos, caretakerInput } from '../../domain/caretakers';
import type { CaretakerCycle } from '../../domain/caretakers';
import { cycleByIndex } from '../../domain/cycles';
import type { RecordId } from '../../domain/events';
import { loanStanding } from '../../domain/tools';
import type { CareFlag, ToolsState, ToolState } from '../../domain/tools';

export function duosThisCycle(state: ToolsState, view: CircleView, now: number): CaretakerCycle {
  const rule = view.settings.current.resetRule;
  const input = caretakerInput(state, view.membership, (index) => cycleByIndex(rule, index).start.getTime());
  return caretakerDuos(input, view.cycleOf(now));
}

export type CaretakerAlert =
  | { readonly kind: 'flagged'; readonly tool: ToolState; readonly at: number; readonly flags: readonly CareFlag[] }
  | { readonly kind: 'overdue'; readonly tool: ToolState; readonly at: number; readonly days: number; readonly waiting: number }
  | { readonly kind: 'conflict'; readonly tool: ToolState; readonly at: number };

/** Handoffs flagged this cycle, loans past their period, and custody conflicts, among a duo's tools. */
export function caretakerAlerts(state: ToolsState, toolIds: readonly RecordId[], view: CircleView, now: number): CaretakerAlert[] {
  const cycle = view.cycleOf(now);
  const alerts: CaretakerAlert[] = [];
  for (const id of toolIds) {
    const tool = state.tools.get(id);
    if (tool === undefined || tool.status === 'retired') continue;
    for (const step of tool.custody) {
      if (step.flags.length > 0 && view.cycleOf(step.at) === cycle) alerts.push({ kind: 'flagged', tool, at: step.at, flags: step.flags });
    }
    const standing = loanStanding(tool, state.rules, now);
    if (tool.custodyRole === 'loan' && standing.overdue) alerts.push({ kind: 'overdue', tool, at: tool.heldSince, days: standing.overdueDays, waiting: standing.waiting });
    if (tool.conflicts.length > 0) alerts.push({ kind: 'conflict', tool, at: tool.heldSince });
  }
  return alerts.sort((a, b) => b.at - a.at);
}
