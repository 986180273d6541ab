import { useEffect, useState } from 'preact/hooks';
import { nextUnlockAttemptAt } from '../../app/lock/app-lock';
import { FREE_ATTEMPTS } from '../../domain/lock-policy';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useBusy } from '../components/use-busy';
import { useAppStore, useT } from '../shell/context';

/** After a wipe the page reloads at the start, so nothing of the circles stays in memory. */
function reloadBlank(): void {
  window.location.replace(window.location.pathname);
}

/** What shows instead of every screen while the app is locked. */
export function LockScreen() {
  const { t, plural } = useT();
  const store = useAppStore();
  const { busy, run } = useBusy();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => store.deps.now());
  const [confirmErase, setConfirmErase] = useState(false);

  useEffect(() => {
    void nextUnlockAttemptAt(store.vault).then(setWaitUntil);
  }, []);
  const waiting = waitUntil > now;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(store.deps.now()), 1000);
    return () => clearInterval(timer);
  }, [waiting]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy || waiting) return;
    void run(async () => {
      const outcome = await store.unlock(passphrase);
      setNow(store.deps.now());
      if (outcome.kind === 'duress') return reloadBlank();
      if (outcome.kind === 'wait') return setWaitUntil(outcome.until);
      if (outcome.kind === 'wrong') {
        setPassphrase('');
        setWaitUntil(outcome.nextAttemptAt);
        const left = FREE_ATTEMPTS - outcome.failures;
        setError(left > 0 ? `${t('lock.wrong')} ${plural('lock.triesLeft', left)}` : t('lock.wrong'));
      }
    });
  };

  const eraseAll = () =>
    void run(async () => {
      await store.eraseEverything();
      reloadBlank();
    });

  const seconds = Math.max(1, Math.ceil((waitUntil - now) / 1000));
  return (
    <Page title={t('lock.title')}>
      <p>{t('lock.lead')}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('lock.passphrase')}
          type="password"
          value={passphrase}
          onInput={setPassphrase}
          autoComplete="current-password"
          error={error}
        />
        {waiting && (
          <p class="hint" role="status">
            {plural('lock.wait', seconds)}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy || waiting} aria-busy={busy}>
          {busy ? t('lock.unlocking') : t('lock.unlock')}
        </button>
      </form>
      <details class="lock-forgot">
        <summary>{t('lock.forgot')}</summary>
        <p>{t('lock.forgotLead')}</p>
        {!confirmErase ? (
          <button type="button" class="button" onClick={() => setConfirmErase(true)}>
            {t('lock.eraseAll')}
          </button>
        ) : (
          <div role="group" aria-labelledby="erase-confirm">
            <p id="erase-confirm">{t('lock.eraseConfirm')}</p>
            <div class="actions-row">
              <button type="button" class="button button-danger" disabled={busy} onClick={eraseAll}>
                {t('lock.eraseYes')}
              </button>
              <button type="button" class="button" onClick={() => setConfirmErase(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
      </details>
    </Page>
  );
}
