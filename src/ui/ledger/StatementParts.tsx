import type { ComponentChildren } from 'preact';
import { cycleByIndex } from '../../domain/cycles';
import type { ResetRuleSetting } from '../../domain/events';
import type { CycleSummary, StatementLine } from '../../domain/ledger';
import { memberName } from '../circle/people';
import { formatHours, skillLabelOf } from '../components/format';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { cycleRange, signedHours } from './ledger-format';

/** Each cycle the member took part in, with the balance it ended on: a past cycle's balance has expired. */
export function StatementHistory({
  history,
  current,
  rule,
}: {
  readonly history: readonly CycleSummary[];
  readonly current: number;
  readonly rule: ResetRuleSetting;
}) {
  const translator = useT();
  const { t } = translator;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('ledger.statement.historyTitle')}</h2>
      {history.length === 0 ? (
        <p>{t('ledger.statement.none')}</p>
      ) : (
        <div class="ledger-scroll">
          <table class="ledger-table history-table" data-testid="statement-history">
            <caption>{t('ledger.statement.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.col.cycle')}</th>
                <th scope="col" class="number">{t('ledger.col.given')}</th>
                <th scope="col" class="number">{t('ledger.col.received')}</th>
                <th scope="col" class="number wraps">{t('ledger.col.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry) => {
                const ended = entry.cycle < current;
                const balance = signedHours(entry.balance, translator);
                return (
                  <tr key={entry.cycle}>
                    <th scope="row">
                      {cycleRange(cycleByIndex(rule, entry.cycle), translator)}
                      <span class="cycle-state">{t(ended ? 'ledger.statement.ended' : 'ledger.statement.currentCycle')}</span>
                    </th>
                    <td class="number">{formatHours(entry.given, translator)}</td>
                    <td class="number">{formatHours(entry.received, translator)}</td>
                    <td class="number wraps">
                      {t(ended ? 'ledger.statement.expired' : 'ledger.statement.soFar', { hours: balance })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Every exchange the member took part in, newest first. */
export function StatementLines({ lines }: { readonly lines: readonly StatementLine[] }) {
  const translator = useT();
  const { t } = translator;
  const { view } = useAppState();
  if (view === null || lines.length === 0) return null;
  return (
    <section aria-labelledby="exchanges-title">
      <h2 id="exchanges-title">{t('ledger.statement.exchangesTitle')}</h2>
      <ul class="list exchange-lines">
        {lines.map((line) => {
          const name = memberName(view.membership, line.counterparty, t);
          const gave = line.direction === 'gave';
          return (
            <li key={line.id}>
              <span class={`line-hours ${gave ? 'gave' : 'received'}`}>{signedHours(gave ? line.quarters : -line.quarters, translator)}</span>
              <span class="line-body">
                <span>
                  {withLink(t(gave ? 'ledger.statement.gaveTo' : 'ledger.statement.receivedFrom'), '{name}', (
                    <a href={hrefFor({ name: 'member', key: line.counterparty })}>{name}</a>
                  ))}
                </span>
                <span class="muted">
                  {skillLabelOf(view.skills, line.skill, t)} · <time dateTime={new Date(line.at).toISOString()}>{translator.dateTime(line.at)}</time>
                </span>
                {line.note !== '' && <span class="line-note">{t('ledger.statement.note', { note: line.note })}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// A translation places the name where its language wants it; the link goes in that place.
function withLink(template: string, placeholder: string, link: ComponentChildren): ComponentChildren {
  const at = template.indexOf(placeholder);
  if (at < 0) return template;
  return (
    <>
      {template.slice(0, at)}
      {link}
      {template.slice(at + placeholder.length)}
    </>
  );
}
