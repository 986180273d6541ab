import { useMemo, useState } from 'preact/hooks';
import { TOOL_CATEGORIES } from '../../domain/tool-events';
import type { ToolCategory } from '../../domain/tool-events';
import { Page } from '../components/Page';
import { useNow } from '../board/use-now';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { ToolCard } from './ToolCard';
import { categoryKey } from './tool-format';
import { filterTools, toolFilterMemory } from './tools-filter';
import type { ToolFilter } from './tools-filter';
import { useToolsView } from './use-tools';
import './tools.css';

/** A long list is shown a page at a time: every card is a photo to draw. */
const PAGE = 40;

export function ToolsScreen() {
  const { t } = useT();
  const { circle } = useAppState();
  const tools = useToolsView();
  const now = useNow();
  const [filter, setFilterState] = useState<ToolFilter>(toolFilterMemory.filter);
  const [shownCount, setShownCount] = useState(PAGE);
  const setFilter = (next: Partial<ToolFilter>): void => {
    const merged = { ...filter, ...next };
    toolFilterMemory.filter = merged;
    setFilterState(merged);
    setShownCount(PAGE);
  };
  const shown = useMemo(() => (tools === null ? [] : filterTools(tools.state, filter)), [tools, filter]);
  if (tools === null || circle === null) return null;
  const me = circle.membership.memberKey;
  const mine = [...tools.state.tools.values()].filter((tool) => tool.holder === me && tool.status !== 'retired');
  const areas = [...tools.state.areas.values()].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Page title={t('tools.title')}>
      <p>{t('tools.lead')}</p>
      <nav class="actions-row" aria-label={t('tools.actions')}>
        <a class="button button-primary" href={hrefFor({ name: 'tool-new' })}>
          {t('tools.register')}
        </a>
        <a class="button" href={hrefFor({ name: 'areas' })}>
          {t('tools.areasLink')}
        </a>
        <a class="button" href={hrefFor({ name: 'caretakers' })}>
          {t('tools.caretakersLink')}
        </a>
        <a class="button" href={hrefFor({ name: 'labels' })}>
          {t('tools.printBlank')}
        </a>
      </nav>

      <section aria-labelledby="tools-mine-title">
        <h2 id="tools-mine-title">{t('tools.mine')}</h2>
        {mine.length === 0 ? (
          <p class="muted">{t('tools.mineNone')}</p>
        ) : (
          <ul class="tool-list">
            {mine.map((tool) => (
              <ToolCard key={tool.id} tool={tool} tools={tools.state} now={now} />
            ))}
          </ul>
        )}
      </section>

      {tools.state.conflicts.length > 0 && (
        <section class="panel" aria-labelledby="tools-conflicts-title" data-testid="tool-conflicts">
          <h2 id="tools-conflicts-title">{t('tools.conflicts.title')}</h2>
          <p>{t('tools.conflicts.lead')}</p>
          <ul>
            {[...new Set(tools.state.conflicts.map((conflict) => conflict.tool))].map((id) => (
              <li key={id}>
                <a href={hrefFor({ name: 'tool', id })}>{tools.state.tools.get(id)?.name ?? id}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="tools-browse-title">
        <h2 id="tools-browse-title">{t('tools.title')}</h2>
        <div class="tool-filters">
          <label class="field">
            <span>{t('tools.search')}</span>
            <input type="search" value={filter.text} maxLength={80} onInput={(e) => setFilter({ text: e.currentTarget.value })} />
          </label>
          <label class="field">
            <span>{t('tools.filter.category')}</span>
            <select
              value={filter.category ?? ''}
              onChange={(e) => setFilter({ category: (e.currentTarget.value || null) as ToolCategory | null })}
            >
              <option value="">{t('tools.filter.any')}</option>
              {TOOL_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(categoryKey(category))}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t('tools.filter.area')}</span>
            <select value={filter.area ?? ''} onChange={(e) => setFilter({ area: e.currentTarget.value || null })}>
              <option value="">{t('tools.filter.any')}</option>
              {areas.map((area) => (
                <option key={area.id} value={area.id}>
                  {area.name}
                </option>
              ))}
              <option value="none">{t('tools.areas.noAreaGroup')}</option>
            </select>
          </label>
          <label class="choice">
            <input type="checkbox" checked={filter.availableOnly} onChange={(e) => setFilter({ availableOnly: e.currentTarget.checked })} />
            <span>{t('tools.filter.availableNow')}</span>
          </label>
        </div>
        {tools.state.tools.size === 0 ? (
          <p>{t('tools.empty')}</p>
        ) : (
          <>
            <p class="muted" aria-live="polite">
              {t('tools.count', { shown: shown.length, total: tools.state.tools.size })}
            </p>
            {shown.length === 0 ? (
              <p>{t('tools.none')}</p>
            ) : (
              <>
                <ul class="tool-list" data-testid="tool-results">
                  {shown.slice(0, shownCount).map((tool) => (
                    <ToolCard key={tool.id} tool={tool} tools={tools.state} now={now} />
                  ))}
                </ul>
                {shown.length > shownCount && (
                  <button type="button" class="button" onClick={() => setShownCount((count) => count + PAGE)}>
                    {t('tools.showMore', { count: Math.min(PAGE, shown.length - shownCount) })}
                  </button>
                )}
              </>
            )}
          </>
        )}
      </section>
    </Page>
  );
}
