import type { ToolsState, ToolState } from '../../domain/tools';
import { loanStanding } from '../../domain/tools';
import { memberName } from '../circle/people';
import { useAppState, useT } from '../shell/context';
import { ToolPhoto } from './ToolPhoto';
import { areaName, categoryKey, roleKey, statusKey } from './tool-format';

export function ToolDetails({ tool, tools, now }: { readonly tool: ToolState; readonly tools: ToolsState; readonly now: number }) {
  const translator = useT();
  const { t } = translator;
  const { view, circle } = useAppState();
  if (view === null || circle === null) return null;
  const standing = loanStanding(tool, tools.rules, now);
  const holder = tool.holder === circle.membership.memberKey ? t('tools.page.you') : memberName(view.membership, tool.holder, t);
  return (
    <section class="panel tool-details" aria-labelledby="tool-details-title">
      <h2 id="tool-details-title">
        {t('tools.page.details')}
      </h2>
      <ToolPhoto tool={tool} size="large" />
      <p>
        <span class={`tool-status tool-status-${tool.status}`} data-testid="tool-status">
          {t(statusKey(tool.status))}
        </span>
        {tool.custodyRole === 'loan' && tool.status !== 'retired' && (
          <span class={standing.overdue ? 'tool-overdue' : 'muted'} data-testid="tool-standing">
            {' '}
            {standing.overdue
              ? t('tools.overdue', { days: standing.overdueDays, waiting: standing.waiting })
              : t('tools.standing', { days: standing.heldDays, waiting: standing.waiting })}
          </span>
        )}
      </p>
      <dl class="tool-facts">
        <dt>{t('tools.page.holder')}</dt>
        <dd data-testid="tool-holder">
          {holder} · {t(roleKey(tool.custodyRole))}
        </dd>
        <dt>{t('tools.page.area')}</dt>
        <dd>{areaName(tools, tool.area, t)}</dd>
        <dt>{t('tools.page.category')}</dt>
        <dd>{t(categoryKey(tool.category))}</dd>
        <dt>{t('tools.page.loan')}</dt>
        <dd>{t('tools.page.loanDays', { days: tool.loanDays })}</dd>
        {tool.replacementValue !== null && (
          <>
            <dt>{t('tools.page.value')}</dt>
            <dd>{tool.replacementValue.toLocaleString(translator.locale)}</dd>
          </>
        )}
        <dt>{t('tools.page.accessories')}</dt>
        <dd>
          {tool.accessories.length === 0 ? (
            t('tools.page.noAccessories')
          ) : (
            <ul class="tool-accessories">
              {tool.accessories.map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </ul>
          )}
        </dd>
        {tool.careNotes !== '' && (
          <>
            <dt>{t('tools.page.care')}</dt>
            <dd class="tool-care-notes">{tool.careNotes}</dd>
          </>
        )}
      </dl>
      <p class="muted">{t('tools.page.registered', { name: memberName(view.membership, tool.registeredBy, t), date: translator.date(tool.registeredAt) })}</p>
    </section>
  );
}
