import { useMemo } from 'preact/hooks';
import { cycleAt } from '../../domain/cycles';
import { conflictsFor, statementFor } from '../../domain/ledger';
import { formatHours } from '../components/format';
import { Page } from '../components/Page';
import { memberName } from '../circle/people';
import { useAppState, useT } from '../shell/context';
import { ExportStatement } from './ExportStatement';
import { resetInstant, signedHours } from './ledger-format';
import { StatementHistory, StatementLines } from './StatementParts';
import { standingOf } from './standing';
import { useNow } from './useNow';
import './ledger.css';

/** One member's account: this cycle's balance against the limits, every past cycle, every exchange. */
export function Statement() {
  const translator = useT();
  const { t } = translator;
  const { circle, view } = useAppState();
  const now = useNow();
  const me = circle?.membership.memberKey ?? '';
  const settings = view?.settings.current;
  const cycle = useMemo(() => (settings === undefined ? null : cycleAt(settings.resetRule, new Date(now))), [settings, now]);
  const version = view?.version;
  // The ledger is updated in place: the view's version says when to read it again.
  const statement = useMemo(
    () => (view === null || cycle === null ? null : statementFor(view.ledger, me, cycle.index)),
    [version, cycle?.index, me],
  );
  const conflicts = useMemo(() => (view === null ? [] : conflictsFor(view.ledger, me)), [version, me]);
  if (circle === null || view === null || settings === undefined || cycle === null || statement === null) return null;

  const state = view.membership;
  const hours = (quarters: number): string => signedHours(quarters, translator);
  const plainHours = (quarters: number): string => formatHours(quarters, translator);
  const standing = standingOf(statement.balance, settings);
  const endDate = resetInstant(cycle.end.getTime(), translator);

  return (
    <Page title={t('ledger.statement.title')}>
      <section class="panel" aria-labelledby="balance-title">
        <h2 id="balance-title">{t('ledger.statement.balanceTitle')}</h2>
        <p class="balance-big" data-testid="statement-balance">
          {hours(statement.balance)}
        </p>
        <p class="muted">{t('ledger.statement.balanceExplain', { date: endDate })}</p>
      </section>

      <section aria-labelledby="limits-title">
        <h2 id="limits-title">{t('ledger.statement.limitsTitle')}</h2>
        <p>
          {t('ledger.statement.limits', { lower: hours(settings.lowerLimit), upper: hours(settings.upperLimit) })}{' '}
          {t(settings.limitMode === 'hard' ? 'ledger.limits.hard' : 'ledger.limits.soft')}
        </p>
        <ul class="ledger-points">
          <li>
            {standing.pastLower > 0
              ? t('ledger.statement.pastLower', { hours: plainHours(standing.pastLower) })
              : t('ledger.statement.canReceive', { hours: plainHours(standing.canReceive) })}
          </li>
          <li>
            {standing.pastUpper > 0
              ? t('ledger.statement.pastUpper', { hours: plainHours(standing.pastUpper) })
              : t('ledger.statement.canGive', { hours: plainHours(standing.canGive) })}
          </li>
        </ul>
      </section>

      {conflicts.length > 0 && (
        <section aria-labelledby="conflicts-title">
          <h2 id="conflicts-title">{t('ledger.statement.conflictsTitle')}</h2>
          <ul class="list">
            {conflicts.map((conflict) => (
              <li key={conflict.draftId}>
                {conflict.draftAuthor === me
                  ? t('ledger.statement.conflictAuthor', { date: translator.dateTime(conflict.at) })
                  : t('ledger.statement.conflictExtra', {
                      date: translator.dateTime(conflict.at),
                      name: memberName(state, conflict.draftAuthor, t),
                    })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <StatementHistory history={statement.history} current={cycle.index} rule={settings.resetRule} />
      {/* Before the list, which can run to hundreds of lines after a few years. */}
      {statement.lines.length > 0 && <ExportStatement lines={statement.lines} now={now} />}
      <StatementLines lines={statement.lines} />
    </Page>
  );
}
