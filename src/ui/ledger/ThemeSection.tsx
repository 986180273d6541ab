import { useId, useState } from 'preact/hooks';
import { setCycleTheme } from '../../app/circle-rules';
import type { Cycle } from '../../domain/cycles';
import { MAX_THEME } from '../../records/kinds/cycle-theme';
import { Field } from '../components/Field';
import { useAppState, useAppStore, useT } from '../shell/context';
import { nameProblemKey } from '../shell/problems';
import { cycleRange } from './ledger-format';

/** The current cycle's theme, which any member may set or change. */
export function ThemeSection({ cycle }: { readonly cycle: Cycle }) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, view } = useAppState();
  const id = useId();
  const [theme, setTheme] = useState(() => view?.themes.get(cycle.index)?.theme ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (circle === null) return null;

  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    try {
      const result = await setCycleTheme(circle, cycle.index, theme, store.deps);
      if (!result.ok) {
        setError(t(nameProblemKey(result.error), { max: MAX_THEME }));
        return;
      }
      setError(null);
      store.notify({ tone: 'success', message: t('ledger.theme.saved', { theme: theme.trim() }) });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ledger.theme.title')}</h2>
      <p class="muted">{t('ledger.theme.lead', { range: cycleRange(cycle, translator) })}</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        <Field
          label={t('ledger.theme.field')}
          hint={t('ledger.theme.hint', { max: MAX_THEME })}
          value={theme}
          onInput={setTheme}
          maxLength={MAX_THEME * 2}
          error={error}
        />
        <button type="submit" class="button" disabled={saving}>
          {t('ledger.theme.save')}
        </button>
      </form>
    </section>
  );
}
