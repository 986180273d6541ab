import { useState } from 'preact/hooks';
import { ALERT_LIMITS, raiseAlert } from '../../app/defense/alerts';
import type { OpenCircle } from '../../app/open-circle';
import type { AlertKind } from '../../domain/alerts';
import { ALERT_KINDS } from '../../domain/defense-events';
import { Field } from '../components/Field';
import { useBusy } from '../components/use-busy';
import { useAppStore, useT } from '../shell/context';

/** Raising an alert: no lock needed, since whoever needs help must be able to ask at once. */
export function RaiseAlert({ circle }: { readonly circle: OpenCircle }) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, run } = useBusy();
  const [kind, setKind] = useState<AlertKind>('eviction');
  const [message, setMessage] = useState('');
  const [place, setPlace] = useState('');
  const [drill, setDrill] = useState(false);
  const [problem, setProblem] = useState<'kind' | 'message' | 'place' | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    void run(async () => {
      const result = await raiseAlert(circle, { kind, message, place, drill }, store.deps);
      if (!result.ok) {
        if (result.error === 'no-chain') return store.notify({ tone: 'error', message: t('defense.problem.noChain') });
        return setProblem(result.error);
      }
      setProblem(null);
      setMessage('');
      setPlace('');
      store.notify({ tone: 'success', message: t('defense.raised') });
    });
  };
  return (
    <details class="raise-alert">
      <summary>{t('defense.raise')}</summary>
      <p>{t('defense.raiseLead')}</p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label>
            {t('defense.alertKind')}
            <select value={kind} onChange={(event) => setKind(event.currentTarget.value as AlertKind)}>
              {ALERT_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`defense.kind.${option}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Field label={t('defense.message')} value={message} onInput={setMessage} maxLength={ALERT_LIMITS.messageChars * 2} error={problem === 'message' ? t('defense.problem.message') : null} />
        <Field
          label={t('defense.place')}
          value={place}
          onInput={setPlace}
          required={false}
          maxLength={ALERT_LIMITS.placeChars * 2}
          error={problem === 'place' ? t('defense.problem.place') : null}
        />
        <label class="choice">
          <input type="checkbox" checked={drill} onChange={(event) => setDrill(event.currentTarget.checked)} /> <span>{t('defense.drill')}</span>
        </label>
        <button type="submit" class="button button-danger" disabled={busy} aria-busy={busy}>
          {busy ? t('defense.saving') : t('defense.raiseButton')}
        </button>
      </form>
    </details>
  );
}
