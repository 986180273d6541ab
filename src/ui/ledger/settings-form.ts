/**
 * The credit settings form as plain values: what the member typed, checked
 * against the circle's rules, with each problem placed at the field it is about.
 */
import type { ResetRuleSetting } from '../../domain/events';
import { MAX_LIMIT_QUARTERS, validateSettings } from '../../domain/settings';
import type { CircleSettings } from '../../domain/settings';
import type { MessageKey } from '../../i18n/en';
import { parseHours } from './hours-input';
import type { HoursInput } from './hours-input';

export interface CreditForm {
  readonly kind: ResetRuleSetting['kind'];
  readonly day: number;
  readonly offset: number;
  readonly lower: string;
  readonly upper: string;
  readonly mode: 'soft' | 'hard';
}

export type FormField = 'lower' | 'upper' | 'day' | 'offset';
export type FormErrors = Partial<Record<FormField, { readonly key: MessageKey; readonly params?: Record<string, number> }>>;

export type FormCheck = { readonly ok: true; readonly settings: CircleSettings } | { readonly ok: false; readonly errors: FormErrors };

export function checkCreditForm(form: CreditForm): FormCheck {
  const errors: FormErrors = {};
  const lower = parseHours(form.lower);
  const upper = parseHours(form.upper);
  if (!lower.ok) errors.lower = { key: inputProblemKey(lower) };
  if (!upper.ok) errors.upper = { key: inputProblemKey(upper) };
  const resetRule: ResetRuleSetting =
    form.kind === 'day-of-month' ? { kind: 'day-of-month', day: form.day, utcOffsetMinutes: form.offset } : { kind: form.kind };
  const settings: CircleSettings = {
    resetRule,
    // A field that did not parse is reported above; zero lets the other rules still be checked.
    lowerLimit: lower.ok ? lower.quarters : 0,
    upperLimit: upper.ok ? upper.quarters : 0,
    limitMode: form.mode,
  };
  const check = validateSettings(settings);
  if (!check.ok) {
    const tooFar = { key: 'ledger.error.tooFar', params: { max: MAX_LIMIT_QUARTERS / 4 } } as const;
    for (const problem of check.problems) {
      if (problem === 'lower-limit-above-zero') errors.lower ??= { key: 'ledger.error.lowerAboveZero' };
      else if (problem === 'lower-limit-too-far') errors.lower ??= tooFar;
      else if (problem === 'upper-limit-below-zero') errors.upper ??= { key: 'ledger.error.upperBelowZero' };
      else if (problem === 'upper-limit-too-far') errors.upper ??= tooFar;
      else if (problem === 'reset-day-out-of-range') errors.day ??= { key: 'ledger.error.day' };
      else if (problem === 'utc-offset-out-of-range' || problem === 'utc-offset-not-quarter-hour') errors.offset ??= { key: 'ledger.error.offset' };
      // Whole quarters, a known mode and rule kind are guaranteed by the parsing and controls above.
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true, settings } : { ok: false, errors };
}

function inputProblemKey(input: Extract<HoursInput, { ok: false }>): MessageKey {
  switch (input.problem) {
    case 'empty':
      return 'ledger.error.empty';
    case 'not-a-number':
      return 'ledger.error.notNumber';
    case 'not-quarter':
      return 'ledger.error.notQuarter';
  }
}
