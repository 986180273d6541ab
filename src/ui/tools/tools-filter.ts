/** Browsing the library: a search and three filters, applied the same way wherever tools are listed. */
import type { RecordId } from '../../domain/events';
import type { ToolCategory } from '../../domain/tool-events';
import type { ToolsState, ToolState } from '../../domain/tools';

export interface ToolFilter {
  readonly text: string;
  readonly category: ToolCategory | null;
  /** An area's id, NO_AREA for tools with no area, or null for any. */
  readonly area: RecordId | null;
  readonly availableOnly: boolean;
}

/** Not a record id (those are 43 characters), so it cannot name an area. */
export const NO_AREA = 'none';

export const NO_FILTER: ToolFilter = { text: '', category: null, area: null, availableOnly: false };

/** Case and accent do not matter: "taladro" finds "Taladro", "sierra" finds "Sierra de calar". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function filterTools(state: ToolsState, filter: ToolFilter): ToolState[] {
  const words = fold(filter.text).split(/\s+/u).filter(Boolean);
  const shown: ToolState[] = [];
  for (const tool of state.tools.values()) {
    if (tool.status === 'retired' && !filter.text) continue;
    if (filter.category !== null && tool.category !== filter.category) continue;
    if (filter.area === NO_AREA ? tool.area !== null : filter.area !== null && tool.area !== filter.area) continue;
    if (filter.availableOnly && tool.status !== 'available') continue;
    if (words.length > 0) {
      const haystack = fold(`${tool.name} ${tool.accessories.join(' ')} ${tool.careNotes}`);
      if (!words.every((word) => haystack.includes(word))) continue;
    }
    shown.push(tool);
  }
  return shown.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

/** What a list remembers while the member moves between screens. */
export const toolFilterMemory: { filter: ToolFilter } = { filter: NO_FILTER };
