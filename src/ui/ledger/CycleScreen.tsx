import { useId, useMemo, useState } from 'preact/hooks';
import { housingOf } from '../../app/housing-view';
import { cycleAt, cycleByIndex } from '../../domain/cycles';
import { buffersACrisis } from '../../domain/housing';
import { cycleIndices } from '../../domain/ledger';
import { cycleStats } from '../../domain/stats';
import { Page } from '../components/Page';
import { useAppState, useT } from '../shell/context';
import { CycleStatsView } from './CycleStatsView';
import { cycleRange } from './ledger-format';
import { useNow } from './useNow';
import './cycle-card.css';
import './ledger.css';

/** The figures an assembly looks at when a cycle closes, for this cycle or an earlier one. */
export function CycleScreen() {
  const translator = useT();
  const { t } = translator;
  const { view, snapshot } = useAppState();
  const now = useNow();
  const selectId = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const rule = view?.settings.current.resetRule;
  const current = useMemo(() => (rule === undefined ? null : cycleAt(rule, new Date(now)).index), [rule, now]);
  const version = view?.version;
  const choices = useMemo(() => {
    if (view === null || current === null) return [];
    // Cycles with exchanges, up to now (a phone's clock may lag records from another), newest first.
    const known = new Set(cycleIndices(view.ledger).filter((index) => index <= current));
    known.add(current);
    return [...known].sort((a, b) => b - a);
  }, [version, current]);
  const shown = chosen !== null && choices.includes(chosen) ? chosen : current;
  const stats = useMemo(() => {
    if (view === null || snapshot === null || rule === undefined || shown === null) return null;
    return cycleStats({
      ledger: view.ledger,
      cycle: shown,
      membership: view.membership,
      cycleEnd: cycleByIndex(rule, shown).end.getTime(),
      listings: view.postings.listings,
      cycleOf: view.cycleOf,
      crises: [...housingOf(snapshot).stays.values()].filter(buffersACrisis).map((stay) => stay.at),
    });
  }, [version, rule, shown]);
  if (view === null || rule === undefined || current === null || shown === null || stats === null) return null;

  const theme = view.themes.get(shown);
  return (
    <Page title={t('ledger.cycle.title')}>
      <div class="field">
        <label for={selectId}>{t('ledger.cycle.pick')}</label>
        <select id={selectId} value={String(shown)} onChange={(event) => setChosen(Number(event.currentTarget.value))}>
          {choices.map((index) => {
            const range = cycleRange(cycleByIndex(rule, index), translator);
            return (
              <option key={index} value={String(index)}>
                {index === current ? t('ledger.cycle.currentOption', { range }) : range}
              </option>
            );
          })}
        </select>
      </div>
      {theme !== undefined && <p class="cycle-theme">{t('ledger.card.theme', { theme: theme.theme })}</p>}
      <CycleStatsView stats={stats} />
    </Page>
  );
}
