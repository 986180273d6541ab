import { describe, expect, it } from 'vitest';
import { amountForInput, formatAmount, MAX_AMOUNT, parseAmount } from '../../../src/domain/fund';

describe('fund amounts as typed and shown', () => {
  it('reads whole units and up to two decimals, with a point or a comma', () => {
    expect(parseAmount('12')).toBe(1200);
    expect(parseAmount(' 12.5 ')).toBe(1250);
    expect(parseAmount('12,05')).toBe(1205);
    expect(parseAmount('0.01')).toBe(1);
    expect(parseAmount('100000')).toBe(10_000_000);
  });

  it('refuses nothing, negatives, three decimals, words and more than the fund takes', () => {
    for (const typed of ['', '0', '0.00', '-5', '1.234', 'ten', '1e3', '100000.01', '12.', '.5']) expect(parseAmount(typed)).toBeNull();
  });

  it('shows two decimals in the member’s language', () => {
    expect(formatAmount(123450, 'en')).toBe('1,234.50');
    expect(formatAmount(123450, 'es')).toMatch(/^1\.?234,50$/);
  });

  it('fills a field with an amount that reads back as it was, in either language', () => {
    expect(amountForInput(123450, 'en')).toBe('1234.50');
    expect(amountForInput(123450, 'es')).toBe('1234,50');
    for (const minor of [1, 50_000, 123_456, MAX_AMOUNT]) {
      for (const locale of ['en', 'es']) expect(parseAmount(amountForInput(minor, locale))).toBe(minor);
    }
  });
});
