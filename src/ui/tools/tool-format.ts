/** How the tool screens name statuses, conditions, categories and standing. */
import type { RecordId } from '../../domain/events';
import type { CustodyRole, ToolCategory, ToolCondition } from '../../domain/tool-events';
import type { ToolsState, ToolState } from '../../domain/tools';
import type { MessageKey } from '../../i18n/en';
import type { Translator } from '../../i18n/i18n';

export type ToolStatus = ToolState['status'];

export const statusKey = (status: ToolStatus): MessageKey => `tools.status.${status}`;
export const conditionKey = (condition: ToolCondition): MessageKey => `tools.condition.${condition}`;
export const categoryKey = (category: ToolCategory): MessageKey => `tools.category.${category}`;
export const roleKey = (role: CustodyRole): MessageKey => `tools.role.${role}`;

export function areaName(tools: ToolsState, area: RecordId | null, t: Translator['t']): string {
  if (area === null) return t('tools.noArea');
  return tools.areas.get(area)?.name ?? t('tools.noArea');
}
