/** How balances, times and draft summaries read on the exchange screens. */
import type { CircleView } from '../../app/circle-view';
import type { MemberKey } from '../../domain/events';
import { balanceOf } from '../../domain/ledger';
import type { ParsedDraft } from '../../records/kinds/exchange';
import type { Translator } from '../../i18n/i18n';
import { formatHours, skillLabelOf } from '../components/format';

/** A balance always shows its sign, so "+1.5 h" and "-1.5 h" cannot be mistaken for each other. */
export function formatBalance(quarters: number, translator: Pick<Translator, 't' | 'locale'>): string {
  const hours = new Intl.NumberFormat(translator.locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(quarters / 4);
  return translator.t('hours.value', { hours });
}

/** This member's balance in the cycle that is running now. */
export function currentBalance(view: CircleView, me: MemberKey, now: number): number {
  return balanceOf(view.ledger, view.cycleOf(now), me);
}

const HALF_DAY_MS = 12 * 60 * 60 * 1000;

/**
 * Two clocks side by side: the time of day is enough unless they are far
 * apart, when the day itself may be what is wrong.
 */
export function clockPair(theirs: number, yours: number, translator: Translator): { readonly theirs: string; readonly yours: string } {
  if (Math.abs(theirs - yours) >= HALF_DAY_MS) return { theirs: translator.dateTime(theirs), yours: translator.dateTime(yours) };
  const time = new Intl.DateTimeFormat(translator.locale, { hour: 'numeric', minute: '2-digit' });
  return { theirs: time.format(theirs), yours: time.format(yours) };
}

/** One line about a draft this phone made: who helped whom, how long, at what. */
export function draftLine(draft: ParsedDraft, view: CircleView, translator: Translator): string {
  const { t } = translator;
  const params = {
    hours: formatHours(draft.quarters, translator),
    skill: skillLabelOf(view.skills, draft.skill, t),
    seats: draft.seats,
    when: translator.dateTime(draft.at),
  };
  if (draft.seats > 1) return t('exchange.draft.summaryGroup', params);
  return t(draft.role === 'provider' ? 'exchange.draft.summaryGave' : 'exchange.draft.summaryReceived', params);
}

/** Names joined as the language joins them: "Ana and Luis", "Ana y Luis". */
export function nameList(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}
