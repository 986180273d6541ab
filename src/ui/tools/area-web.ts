/** The web of loans between areas: which areas tools moved between, and how often, in a span of time. */
import type { RecordId } from '../../domain/events';
import type { ToolsState } from '../../domain/tools';

/** null stands for "no area given". */
export type AreaKey = RecordId | null;

export interface AreaFlow {
  readonly from: AreaKey;
  readonly to: AreaKey;
  readonly count: number;
}

export interface AreaWeb {
  /** Tools that are in each area now (retired ones left out). */
  readonly toolsIn: ReadonlyMap<AreaKey, number>;
  /** Handoffs that moved a tool from one area to another, within the span. */
  readonly flows: readonly AreaFlow[];
}

export function areaWeb(state: ToolsState, inSpan: (at: number) => boolean): AreaWeb {
  const toolsIn = new Map<AreaKey, number>();
  const counts = new Map<string, { from: AreaKey; to: AreaKey; count: number }>();
  for (const tool of state.tools.values()) {
    if (tool.status !== 'retired') toolsIn.set(tool.area, (toolsIn.get(tool.area) ?? 0) + 1);
    let where: AreaKey = tool.registeredArea;
    for (const step of tool.custody) {
      const next: AreaKey = step.area ?? where;
      if (next !== where && inSpan(step.at)) {
        const key = `${where ?? ''}>${next ?? ''}`;
        const flow = counts.get(key);
        if (flow === undefined) counts.set(key, { from: where, to: next, count: 1 });
        else flow.count += 1;
      }
      where = next;
    }
  }
  const flows = [...counts.values()].sort((a, b) => b.count - a.count || String(a.from).localeCompare(String(b.from)) || String(a.to).localeCompare(String(b.to)));
  return { toolsIn, flows };
}
