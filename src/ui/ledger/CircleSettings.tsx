import { cycleAt } from '../../domain/cycles';
import { memberName } from '../circle/people';
import { Page } from '../components/Page';
import { useAppState, useT } from '../shell/context';
import { CreditRulesForm } from './CreditRulesForm';
import { SkillsSection } from './SkillsSection';
import { ThemeSection } from './ThemeSection';
import { useNow } from './useNow';
import './ledger.css';

/** The circle's shared rules: when credits reset, the limits, the skills and this cycle's theme. */
export function CircleSettings() {
  const translator = useT();
  const { t } = translator;
  const { view } = useAppState();
  const now = useNow();
  if (view === null) return null;
  const last = view.settings.history.at(-1);
  const cycle = cycleAt(view.settings.current.resetRule, new Date(now));

  return (
    <Page title={t('ledger.settings.title')}>
      <p>{t('ledger.settings.anyMember')}</p>
      <p class="muted" data-testid="settings-changed">
        {last === undefined
          ? t('ledger.settings.neverChanged')
          : t('ledger.settings.lastChanged', { name: memberName(view.membership, last.changedBy, t), date: translator.dateTime(last.at) })}
      </p>
      <section aria-labelledby="credits-title">
        <h2 id="credits-title">{t('ledger.settings.creditsTitle')}</h2>
        <CreditRulesForm now={now} />
      </section>
      {/* Keyed by cycle: a new cycle starts with its own theme, not the last one typed. */}
      <ThemeSection key={cycle.index} cycle={cycle} />
      <SkillsSection />
    </Page>
  );
}
