import { useId, useState } from 'preact/hooks';
import { changeSettings } from '../../app/circle-rules';
import { MAX_RESET_DAY, MAX_UTC_OFFSET_MINUTES, MIN_UTC_OFFSET_MINUTES } from '../../domain/settings';
import type { CircleSettings } from '../../domain/settings';
import { useAppState, useAppStore, useT } from '../shell/context';
import { hoursText } from './hours-input';
import { HoursField } from './HoursField';
import { offsetLabel, offsetWords, phoneOffsetMinutes } from './ledger-format';
import { checkCreditForm } from './settings-form';
import type { CreditForm, FormErrors, FormField } from './settings-form';

const DAYS = Array.from({ length: MAX_RESET_DAY }, (_, i) => i + 1);
const OFFSETS = Array.from({ length: (MAX_UTC_OFFSET_MINUTES - MIN_UTC_OFFSET_MINUTES) / 15 + 1 }, (_, i) => MIN_UTC_OFFSET_MINUTES + i * 15);

function initialForm(current: CircleSettings, now: number, locale: string): CreditForm {
  const rule = current.resetRule;
  return {
    kind: rule.kind,
    day: rule.kind === 'day-of-month' ? rule.day : 1,
    // A circle choosing a day of the month for the first time most likely lives where this phone is.
    offset: rule.kind === 'day-of-month' ? rule.utcOffsetMinutes : phoneOffsetMinutes(now),
    lower: hoursText(current.lowerLimit, locale),
    upper: hoursText(current.upperLimit, locale),
    mode: current.limitMode,
  };
}

/** When credits reset and the limits per cycle; saving signs a settings record. */
export function CreditRulesForm({ now }: { readonly now: number }) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, view } = useAppState();
  const id = useId();
  const [form, setForm] = useState<CreditForm | null>(() => (view === null ? null : initialForm(view.settings.current, now, translator.locale)));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  if (circle === null || form === null) return null;

  const update = (patch: Partial<CreditForm>): void => setForm({ ...form, ...patch });
  const errorText = (field: FormField): string | null => {
    const error = errors[field];
    return error === undefined ? null : t(error.key, error.params);
  };
  const phoneOffset = phoneOffsetMinutes(now);

  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const check = checkCreditForm(form);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const result = await changeSettings(circle, check.settings, store.deps);
      store.notify(result.ok ? { tone: 'success', message: t('ledger.settings.saved') } : { tone: 'error', message: t('ledger.settings.fix') });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setSaving(false);
    }
  };

  const choice = (name: string, value: string, checked: boolean, label: string, onChange: () => void, describedBy?: string) => (
    <label class="ledger-choice">
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} aria-describedby={describedBy} />
      <span>{label}</span>
    </label>
  );

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <fieldset class="ledger-choices">
        <legend>{t('ledger.settings.resetLegend')}</legend>
        {choice(`${id}-rule`, 'new-moon', form.kind === 'new-moon', t('ledger.settings.newMoon'), () => update({ kind: 'new-moon' }))}
        {choice(`${id}-rule`, 'full-moon', form.kind === 'full-moon', t('ledger.settings.fullMoon'), () => update({ kind: 'full-moon' }))}
        {choice(`${id}-rule`, 'day-of-month', form.kind === 'day-of-month', t('ledger.settings.dayOfMonth'), () => update({ kind: 'day-of-month' }))}
      </fieldset>
      {form.kind === 'day-of-month' && (
        <div class="ledger-indented">
          <div class="field">
            <label for={`${id}-day`}>{t('ledger.settings.day')}</label>
            <select
              id={`${id}-day`}
              value={String(form.day)}
              onChange={(event) => update({ day: Number(event.currentTarget.value) })}
              aria-invalid={errors.day !== undefined ? true : undefined}
            >
              {DAYS.map((day) => (
                <option key={day} value={String(day)}>
                  {day}
                </option>
              ))}
            </select>
            {errors.day !== undefined && (
              <p class="error" role="alert">
                {errorText('day')}
              </p>
            )}
          </div>
          <div class="field">
            <label for={`${id}-offset`}>{t('ledger.settings.offset')}</label>
            <select
              id={`${id}-offset`}
              value={String(form.offset)}
              onChange={(event) => update({ offset: Number(event.currentTarget.value) })}
              aria-describedby={`${id}-offset-hint`}
              aria-invalid={errors.offset !== undefined ? true : undefined}
            >
              {OFFSETS.map((offset) => (
                <option key={offset} value={String(offset)}>
                  {offsetLabel(offset, translator)}
                </option>
              ))}
            </select>
            <p id={`${id}-offset-hint`} class="hint">
              {t('ledger.settings.offsetHint', { words: offsetWords(form.offset, translator) })}
              {form.offset === phoneOffset && ` ${t('ledger.settings.offsetPhone')}`}
            </p>
            {errors.offset !== undefined && (
              <p class="error" role="alert">
                {errorText('offset')}
              </p>
            )}
          </div>
        </div>
      )}

      <fieldset class="ledger-choices">
        <legend>{t('ledger.settings.limitsLegend')}</legend>
        <HoursField
          label={t('ledger.settings.lower')}
          hint={t('ledger.settings.lowerHint')}
          value={form.lower}
          error={errorText('lower')}
          onInput={(lower) => update({ lower })}
        />
        <HoursField
          label={t('ledger.settings.upper')}
          hint={t('ledger.settings.upperHint')}
          value={form.upper}
          error={errorText('upper')}
          onInput={(upper) => update({ upper })}
        />
      </fieldset>

      <fieldset class="ledger-choices">
        <legend>{t('ledger.settings.modeLegend')}</legend>
        {choice(`${id}-mode`, 'soft', form.mode === 'soft', t('ledger.settings.soft'), () => update({ mode: 'soft' }), `${id}-soft`)}
        <p id={`${id}-soft`} class="hint ledger-indented">
          {t('ledger.limits.soft')}
        </p>
        {choice(`${id}-mode`, 'hard', form.mode === 'hard', t('ledger.settings.hard'), () => update({ mode: 'hard' }), `${id}-hard`)}
        <p id={`${id}-hard`} class="hint ledger-indented">
          {t('ledger.limits.hard')}
        </p>
      </fieldset>

      <button type="submit" class="button button-primary" disabled={saving}>
        {saving ? t('common.saving') : t('ledger.settings.save')}
      </button>
    </form>
  );
}
