import type { ToolsState, ToolState } from '../../domain/tools';
import { loanStanding } from '../../domain/tools';
import { memberName } from '../circle/people';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { ToolPhoto } from './ToolPhoto';
import { areaName, categoryKey, statusKey } from './tool-format';

/** One tool in a list: what it is, whether it is free, where it is and with whom. */
export function ToolCard({ tool, tools, now }: { readonly tool: ToolState; readonly tools: ToolsState; readonly now: number }) {
  const { t } = useT();
  const { view } = useAppState();
  if (view === null) return null;
  const standing = loanStanding(tool, tools.rules, now);
  return (
    <li class="tool-card" data-status={tool.status}>
      <ToolPhoto tool={tool} size="small" />
      <div class="tool-card-text">
        <a href={hrefFor({ name: 'tool', id: tool.id })} class="tool-card-name">
          {tool.name}
        </a>
        <span class={`tool-status tool-status-${tool.status}`}>{t(statusKey(tool.status))}</span>
        <span class="muted">
          {t(categoryKey(tool.category))} · {t('tools.heldBy', { name: memberName(view.membership, tool.holder, t) })} ·{' '}
          {t('tools.inArea', { area: areaName(tools, tool.area, t) })}
        </span>
        {tool.custodyRole === 'loan' && (
          <span class={standing.overdue ? 'tool-overdue' : 'muted'}>
            {standing.overdue
              ? t('tools.overdue', { days: standing.overdueDays, waiting: standing.waiting })
              : t('tools.standing', { days: standing.heldDays, waiting: standing.waiting })}
          </span>
        )}
      </div>
    </li>
  );
}
