import { useMemo, useState } from 'preact/hooks';
import { nameArea } from '../../app/tools';
import type { AreaProblem } from '../../app/tools';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useNow } from '../board/use-now';
import { useAppState, useAppStore, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { areaWeb } from './area-web';
import type { AreaKey } from './area-web';
import { useToolsView } from './use-tools';
import './tools.css';

const SIZE = 320;
const RADIUS = 120;

/** The neighbourhood as the circle names it: no map, no tiles, only areas and the loans that join them. */
export function AreasScreen() {
  const { t } = useT();
  const store = useAppStore();
  const { circle, view } = useAppState();
  const tools = useToolsView();
  const now = useNow();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<AreaProblem | null>(null);
  const web = useMemo(() => {
    if (tools === null || view === null) return null;
    const cycle = view.cycleOf(now);
    return areaWeb(tools.state, (at) => view.cycleOf(at) === cycle);
  }, [tools, view, now]);
  if (circle === null || tools === null || web === null) return null;

  const areas = [...tools.state.areas.values()].sort((a, b) => a.name.localeCompare(b.name));
  const keys: AreaKey[] = [...areas.map((area) => area.id), ...(web.toolsIn.has(null) ? [null] : [])];
  const label = (key: AreaKey): string => (key === null ? t('tools.areas.noAreaGroup') : (tools.state.areas.get(key)?.name ?? t('tools.noArea')));
  const position = new Map<AreaKey, { x: number; y: number }>();
  keys.forEach((key, index) => {
    const angle = (2 * Math.PI * index) / Math.max(keys.length, 1) - Math.PI / 2;
    position.set(key, { x: SIZE / 2 + RADIUS * Math.cos(angle), y: SIZE / 2 + RADIUS * Math.sin(angle) });
  });
  const busiest = Math.max(1, ...web.flows.map((flow) => flow.count));
  const total = web.flows.reduce((sum, flow) => sum + flow.count, 0);

  const add = async (): Promise<void> => {
    const result = await nameArea(circle, tools, name, store.deps);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setProblem(null);
    setName('');
  };

  return (
    <Page title={t('tools.areas.title')}>
      <p>{t('tools.areas.lead')}</p>
      {keys.length === 0 ? (
        <p>{t('tools.areas.none')}</p>
      ) : (
        <>
          <figure class="area-web">
            <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={t('tools.areas.web')}>
              {web.flows.map((flow) => {
                const from = position.get(flow.from);
                const to = position.get(flow.to);
                if (from === undefined || to === undefined) return null;
                return (
                  <line
                    key={`${flow.from}>${flow.to}`}
                    x1={from.x}
                    y1={from.y}
                    x2={to.x}
                    y2={to.y}
                    class="area-web-link"
                    stroke-width={1 + (5 * flow.count) / busiest}
                  />
                );
              })}
              {keys.map((key) => {
                const at = position.get(key);
                if (at === undefined) return null;
                return (
                  <g key={key ?? 'none'}>
                    <circle cx={at.x} cy={at.y} r={8 + Math.min(14, web.toolsIn.get(key) ?? 0)} class="area-web-node" />
                    <text x={at.x} y={at.y + 30} text-anchor="middle" class="area-web-label">
                      {label(key)}
                    </text>
                  </g>
                );
              })}
            </svg>
            <figcaption>{t('tools.areas.webSummary', { count: total })}</figcaption>
          </figure>
          <ul class="area-list">
            {keys.map((key) => (
              <li key={key ?? 'none'}>
                <strong>{label(key)}</strong> · {t('tools.areas.toolsIn', { count: web.toolsIn.get(key) ?? 0 })}
              </li>
            ))}
          </ul>
          {web.flows.length > 0 && (
            <ul class="area-flows">
              {web.flows.map((flow) => (
                <li key={`${flow.from}>${flow.to}`}>{t('tools.areas.flow', { from: label(flow.from), to: label(flow.to), count: flow.count })}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <form
        class="panel"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <Field label={t('tools.areas.name')} value={name} onInput={setName} maxLength={40} error={problem === null ? null : t(`tools.areas.problem.${problem}`)} />
        <button type="submit" class="button">
          {t('tools.areas.add')}
        </button>
      </form>
      <a class="button" href={hrefFor({ name: 'tools' })}>
        {t('tools.title')}
      </a>
    </Page>
  );
}
