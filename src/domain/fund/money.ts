/**
 * Amounts as members type and read them: whole units with up to two decimals
 * ("12", "12.5", "12,50"), held as minor units (cents) so sums stay exact.
 */
import { MAX_AMOUNT } from './rules';

const AMOUNT = /^(\d{1,8})(?:[.,](\d{1,2}))?$/;

/** Minor units from what was typed, or null when it is not an amount the fund takes. */
export function parseAmount(typed: string): number | null {
  const match = AMOUNT.exec(typed.trim());
  if (match === null) return null;
  const units = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const amount = units * 100 + cents;
  return amount >= 1 && amount <= MAX_AMOUNT ? amount : null;
}

/** Two decimals in the member's language ("1,234.50", "1.234,50"). */
export function formatAmount(minor: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
}

/** An amount as a member would type it, to fill a field with: no grouping, so parseAmount reads it back ("1234,50"). */
export function amountForInput(minor: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(minor / 100);
}
