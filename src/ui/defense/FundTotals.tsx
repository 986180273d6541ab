import { useRef } from 'preact/hooks';
import { fundOf } from '../../app/fund-view';
import { cycleByIndex } from '../../domain/cycles';
import { formatAmount, fundSummary } from '../../domain/fund';
import { Page } from '../components/Page';
import { useAppState, useAppStore, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { fundTotalsText, totalsOverall } from './fund-totals-text';
import './fund.css';

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

/**
 * The fund's totals as the circle may publish them: per lunar cycle, money in
 * and out, requests made, approved and paid, and the balance, with no names
 * and no notes; to copy, share or print.
 */
export function FundTotals() {
  const translator = useT();
  const { t, locale } = translator;
  const store = useAppStore();
  const { circle, snapshot, view } = useAppState();
  const details = useRef<HTMLDetailsElement>(null);
  const textBox = useRef<HTMLTextAreaElement>(null);
  if (circle === null || snapshot === null || view === null) return null;
  const asOf = store.deps.now();
  const summary = fundSummary(fundOf(snapshot, asOf));
  const rule = view.settings.current.resetRule;
  const cycleStart = (cycle: number): number => cycleByIndex(rule, cycle).start.getTime();
  const text = fundTotalsText({ summary, asOf, cycleStart }, translator);
  const money = (minor: number): string => formatAmount(minor, locale);
  const overall = totalsOverall(summary);

  const copy = async (): Promise<void> => {
    try {
      // Absent outside secure contexts, and refused by some browsers without a fresh gesture.
      await navigator.clipboard.writeText(text);
      store.notify({ tone: 'success', message: t('fund.published.copied') });
    } catch {
      if (details.current !== null) details.current.open = true;
      textBox.current?.focus();
      textBox.current?.select();
      store.notify({ tone: 'error', message: t('fund.published.copyFailed') });
    }
  };
  const share = async (): Promise<void> => {
    try {
      await navigator.share({ title: t('fund.published.heading'), text });
    } catch (error) {
      // Closing the share sheet is a choice; any other failure falls back to the clipboard.
      if (errorName(error) !== 'AbortError') await copy();
    }
  };
  const canShare = typeof navigator.share === 'function';

  return (
    <Page title={t('fund.published.title')}>
      <p>{t('fund.published.lead')}</p>
      <p class="hint no-print">{t('fund.published.caution')}</p>
      <div class="actions-row no-print">
        <button type="button" class="button button-primary" onClick={() => void copy()}>
          {t('fund.published.copy')}
        </button>
        {canShare && (
          <button type="button" class="button" onClick={() => void share()}>
            {t('fund.published.share')}
          </button>
        )}
        <button type="button" class="button" onClick={() => window.print()}>
          {t('fund.published.print')}
        </button>
      </div>
      <p class="print-only">{t('fund.published.asOf', { date: translator.date(asOf) })}</p>
      <ul class="fund-figures">
        <li>
          <strong>{t('fund.balance', { amount: money(summary.balance) })}</strong>
        </li>
        <li>{t('fund.totals', { contributed: money(summary.contributed), paidOut: money(summary.paidOut) })}</li>
        <li>{t('fund.published.requests', overall)}</li>
        <li>
          {t('fund.published.now', {
            open: summary.requests.open,
            toPay: summary.requests.approved,
            declined: summary.requests.declined,
            withdrawn: summary.requests.withdrawn,
          })}
        </li>
        <li>{t('fund.published.pledgers', { count: summary.pledgers })}</li>
      </ul>
      <h2>{t('fund.published.cyclesTitle')}</h2>
      {summary.cycles.length === 0 ? (
        <p>{t('fund.published.none')}</p>
      ) : (
        // Focusable so that a keyboard can scroll it on a narrow screen.
        <div class="fund-scroll" role="region" aria-label={t('fund.published.tableLabel')} tabIndex={0}>
          <table class="fund-table" data-testid="fund-totals">
            <caption>{t('fund.published.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fund.published.col.cycle')}</th>
                <th scope="col" class="number">{t('fund.published.col.in')}</th>
                <th scope="col" class="number">{t('fund.published.col.out')}</th>
                <th scope="col" class="number">{t('fund.published.col.made')}</th>
                <th scope="col" class="number">{t('fund.published.col.approved')}</th>
                <th scope="col" class="number">{t('fund.published.col.paid')}</th>
                <th scope="col" class="number">{t('fund.published.col.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.cycles.map((cycle) => (
                <tr key={cycle.cycle}>
                  <th scope="row">{translator.date(cycleStart(cycle.cycle))}</th>
                  <td class="number">{money(cycle.contributed)}</td>
                  <td class="number">{money(cycle.paidOut)}</td>
                  <td class="number">{cycle.requested}</td>
                  <td class="number">{cycle.approved}</td>
                  <td class="number">{cycle.paid}</td>
                  <td class="number">{money(cycle.balance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details ref={details} class="no-print">
        <summary>{t('fund.published.text')}</summary>
        <textarea
          ref={textBox}
          class="fund-text"
          readOnly
          value={text}
          aria-label={t('fund.published.text')}
          rows={12}
          spellcheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
      </details>
      <p class="no-print">
        <a href={hrefFor({ name: 'fund' })}>{t('fund.published.back')}</a>
      </p>
    </Page>
  );
}
