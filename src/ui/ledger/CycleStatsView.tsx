import type { CycleStats } from '../../domain/stats';
import { formatHours, skillLabelOf } from '../components/format';
import { useAppState, useT } from '../shell/context';
import { percent } from './ledger-format';

/** How many requested skills to list: the assembly talks about the first few. */
const REQUESTED_SHOWN = 5;
/** The longest bar, for the largest surplus or deficit; the others scale to it. */
const BAR_REM = 5;

/** One cycle's statistics as plain lists and tables, with text beside every bar. */
export function CycleStatsView({ stats }: { readonly stats: CycleStats }) {
  const translator = useT();
  const { t } = translator;
  const { view } = useAppState();
  if (view === null) return null;
  const number = new Intl.NumberFormat(translator.locale);
  const skill = (ref: string): string => skillLabelOf(view.skills, ref, t);
  const widest = Math.max(1, ...stats.skillBalance.map((entry) => Math.abs(entry.surplus)));
  const { concentration } = stats;
  const topMembers = translator.plural('ledger.cycle.members', concentration.topCount);

  return (
    <>
      <section aria-labelledby="totals-title">
        <h2 id="totals-title">{t('ledger.cycle.totalsTitle')}</h2>
        <dl class="facts" data-testid="cycle-totals">
          <dt>{t('ledger.cycle.hours')}</dt>
          <dd>{formatHours(stats.quarters, translator)}</dd>
          <dt>{t('ledger.cycle.exchanges')}</dt>
          <dd>{number.format(stats.exchanges)}</dd>
          <dt>{t('ledger.cycle.active')}</dt>
          <dd>{t('ledger.cycle.activeValue', { active: number.format(stats.activeMembers), members: number.format(stats.members) })}</dd>
          <dt>{t('ledger.cycle.crises')}</dt>
          <dd data-testid="crises-buffered">{number.format(stats.crisesBuffered)}</dd>
        </dl>
      </section>

      <section aria-labelledby="requested-title">
        <h2 id="requested-title">{t('ledger.cycle.requestedTitle')}</h2>
        {stats.requestedSkills.length === 0 ? (
          <p>{t('ledger.cycle.nothing')}</p>
        ) : (
          <ol class="ledger-ranked">
            {stats.requestedSkills.slice(0, REQUESTED_SHOWN).map((entry) => (
              <li key={entry.skill}>
                <strong>{skill(entry.skill)}</strong>{' '}
                <span class="muted">
                  {t('ledger.cycle.requestedItem', {
                    needs: translator.plural('ledger.cycle.needs', entry.needs),
                    hours: formatHours(entry.quartersReceived, translator),
                  })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="balance-title">
        <h2 id="balance-title">{t('ledger.cycle.balanceTitle')}</h2>
        {stats.skillBalance.length === 0 ? (
          <p>{t('ledger.cycle.nothing')}</p>
        ) : (
          <>
            <p class="muted">{t('ledger.cycle.balanceLead')}</p>
            <ul class="list skill-balance">
              {stats.skillBalance.map((entry) => (
                <li key={entry.skill}>
                  <strong class="skill-balance-name">{skill(entry.skill)}</strong>
                  <span class="muted">
                    {t('ledger.cycle.offersNeeds', {
                      offers: translator.plural('ledger.cycle.offerCount', entry.offers),
                      needs: translator.plural('ledger.cycle.needCount', entry.needs),
                    })}
                  </span>
                  <span class="surplus">
                    <span
                      class={`surplus-bar ${entry.surplus < 0 ? 'deficit' : ''}`}
                      style={{ width: `${(Math.abs(entry.surplus) / widest) * BAR_REM}rem` }}
                      aria-hidden="true"
                    />
                    <span>
                      {entry.surplus === 0
                        ? t('ledger.cycle.even')
                        : translator.plural(entry.surplus > 0 ? 'ledger.cycle.surplus' : 'ledger.cycle.deficit', Math.abs(entry.surplus))}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="concentration-title">
        <h2 id="concentration-title">{t('ledger.cycle.concentrationTitle')}</h2>
        {stats.exchanges === 0 ? (
          <p>{t('ledger.cycle.nothing')}</p>
        ) : (
          <>
            <p class={concentration.concentrated ? 'ledger-flag' : ''} data-testid="concentration-flag">
              {t(concentration.concentrated ? 'ledger.cycle.concentrated' : 'ledger.cycle.spread')}
            </p>
            <ul class="ledger-points">
              <li>{t('ledger.cycle.topGiven', { members: topMembers, share: percent(concentration.topGivenShare, translator.locale) })}</li>
              <li>{t('ledger.cycle.topReceived', { members: topMembers, share: percent(concentration.topReceivedShare, translator.locale) })}</li>
              <li>
                {t('ledger.cycle.gini', {
                  gini: new Intl.NumberFormat(translator.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(concentration.gini),
                })}
              </li>
            </ul>
          </>
        )}
      </section>
    </>
  );
}
