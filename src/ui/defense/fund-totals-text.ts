/**
 * The fund's published totals as plain text in the member's language: what a
 * member pastes on a noticeboard or sends to a neighbouring circle. It reads
 * only fundSummary, which carries no member key, name, note or reason, so
 * nothing a member wrote can reach it; not even the circle's name, which a
 * member chose and which can say where the neighbourhood is.
 */
import { formatAmount } from '../../domain/fund';
import type { FundSummary } from '../../domain/fund';
import type { Translator } from '../../i18n/i18n';

export interface TotalsTextInput {
  readonly summary: FundSummary;
  /** When the totals were read: the phone's clock. */
  readonly asOf: number;
  /** When a cycle began, to name it by a date everyone can read. */
  readonly cycleStart: (cycle: number) => number;
}

/** The figures for the whole life of the fund: cycle sums of what happened, and where the requests stand now. */
export function totalsOverall(summary: FundSummary): { readonly made: number; readonly approved: number; readonly paid: number } {
  let made = 0;
  let approved = 0;
  let paid = 0;
  for (const cycle of summary.cycles) {
    made += cycle.requested;
    approved += cycle.approved;
    paid += cycle.paid;
  }
  return { made, approved, paid };
}

export function fundTotalsText({ summary, asOf, cycleStart }: TotalsTextInput, translator: Translator): string {
  const { t, locale } = translator;
  const money = (minor: number): string => formatAmount(minor, locale);
  const overall = totalsOverall(summary);
  const { open, approved: toPay, declined, withdrawn } = summary.requests;
  const lines = [
    t('fund.published.heading'),
    t('fund.published.asOf', { date: translator.date(asOf) }),
    '',
    t('fund.balance', { amount: money(summary.balance) }),
    t('fund.totals', { contributed: money(summary.contributed), paidOut: money(summary.paidOut) }),
    t('fund.published.requests', overall),
    t('fund.published.now', { open, toPay, declined, withdrawn }),
    t('fund.published.pledgers', { count: summary.pledgers }),
    '',
    t('fund.published.cyclesTitle'),
  ];
  if (summary.cycles.length === 0) lines.push(t('fund.published.none'));
  for (const cycle of summary.cycles) {
    lines.push(
      t('fund.published.cycleLine', {
        date: translator.date(cycleStart(cycle.cycle)),
        contributed: money(cycle.contributed),
        paidOut: money(cycle.paidOut),
        made: cycle.requested,
        approved: cycle.approved,
        paid: cycle.paid,
        balance: money(cycle.balance),
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
