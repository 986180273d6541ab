import { useMemo } from 'preact/hooks';
import { cycleAt } from '../../domain/cycles';
import { balanceOf } from '../../domain/ledger';
import { moonPhaseAt } from '../../domain/lunar';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { moonLabel, resetSentence, signedHours } from './ledger-format';
import { MoonIcon } from './MoonIcon';
import { useNow } from './useNow';
import './cycle-card.css';

/** The home screen's view of the current cycle: its theme, tonight's moon, when credits reset, and my balance. */
export function CycleCard() {
  const translator = useT();
  const { t } = translator;
  const { circle, view } = useAppState();
  const now = useNow();
  const rule = view?.settings.current.resetRule;
  const cycle = useMemo(() => (rule === undefined ? null : cycleAt(rule, new Date(now))), [rule, now]);
  if (circle === null || view === null || rule === undefined || cycle === null) return null;
  const phase = moonPhaseAt(new Date(now));
  const theme = view.themes.get(cycle.index);
  const balance = balanceOf(view.ledger, cycle.index, circle.membership.memberKey);

  return (
    <section class="panel cycle-card" aria-labelledby="cycle-card-title">
      <h2 id="cycle-card-title">{t('ledger.card.title')}</h2>
      {theme !== undefined && <p class="cycle-theme">{t('ledger.card.theme', { theme: theme.theme })}</p>}
      <div class="moon-row">
        <MoonIcon phase={phase} label={moonLabel(phase, translator)} />
        <span>{t(`ledger.phase.${phase.phase}`)}</span>
      </div>
      <p data-testid="reset-sentence">{resetSentence(rule, cycle.end.getTime(), now, translator)}</p>
      <p>
        <a class="cycle-link" href={hrefFor({ name: 'statement' })}>
          {t('ledger.card.balance', { hours: signedHours(balance, translator) })}
        </a>
      </p>
      <p>
        <a class="cycle-link" href={hrefFor({ name: 'cycle' })}>
          {t('ledger.card.numbers')}
        </a>
      </p>
    </section>
  );
}
