/**
 * Hours typed by a member, in either language's way of writing decimals, as
 * quarter hours: the ledger counts nothing finer.
 */
export type HoursInput =
  | { readonly ok: true; readonly quarters: number }
  | { readonly ok: false; readonly problem: 'empty' | 'not-a-number' | 'not-quarter' };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u;

export function parseHours(text: string): HoursInput {
  // Phones offer a typographic minus or a dash, and Spanish writes 7,5.
  const cleaned = text.replace(/\s+/gu, '').replace(/[\u2212\u2013\u2012]/gu, '-').replace(',', '.');
  if (cleaned === '') return { ok: false, problem: 'empty' };
  if (!NUMBER.test(cleaned)) return { ok: false, problem: 'not-a-number' };
  const quarters = Number(cleaned) * 4;
  if (!Number.isSafeInteger(quarters)) {
    return { ok: false, problem: Number.isFinite(quarters) && Math.abs(quarters) < Number.MAX_SAFE_INTEGER ? 'not-quarter' : 'not-a-number' };
  }
  // "-0" is zero, not a negative zero that would print with a sign.
  return { ok: true, quarters: quarters + 0 };
}

/** Quarter hours as a member would type them back: "-7.5" or "-7,5", no grouping. */
export function hoursText(quarters: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(quarters / 4);
}
