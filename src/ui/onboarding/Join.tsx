import { useEffect, useState } from 'preact/hooks';
import { acceptWelcome, currentJoinRequest, startJoin } from '../../app/join';
import type { ShownJoinRequest } from '../../app/join';
import { MAX_DISPLAY_NAME } from '../../domain/names';
import { requestPersistentStorage } from '../../pwa/persist';
import { ScanCode, ShowCode } from '../components/codes';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useAppState, useAppStore, useT } from '../shell/context';
import { codeProblemKey, nameProblemKey } from '../shell/problems';
import { navigate } from '../shell/router';

/**
 * The newcomer's side: choose a name, show the join request to a member,
 * then scan the welcome code the member's phone shows back.
 */
export function Join() {
  const { t } = useT();
  const store = useAppStore();
  const { pendingJoin } = useAppState();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [shown, setShown] = useState<ShownJoinRequest | null>(null);
  useEffect(() => {
    if (pendingJoin === null || shown !== null) return;
    let cancelled = false;
    void currentJoinRequest(store.vault, store.deps.keyring).then((request) => {
      if (!cancelled && request !== undefined) setShown(request);
    });
    return () => {
      cancelled = true;
    };
  }, [pendingJoin, shown, store]);

  const begin = async (event: Event): Promise<void> => {
    event.preventDefault();
    const result = await startJoin(store.vault, name, store.deps);
    if (!result.ok) {
      setError(t(nameProblemKey(result.error), { max: MAX_DISPLAY_NAME }));
      return;
    }
    setError(null);
    setShown(result.value);
    store.set({ pendingJoin: { name: result.value.name } });
  };

  const cancel = async (): Promise<void> => {
    await store.vault.cancelPendingJoin();
    setShown(null);
    setScanning(false);
    store.set({ pendingJoin: null });
  };

  const onWelcome = async (text: string): Promise<string | null> => {
    const result = await acceptWelcome(store.vault, text, store.deps);
    if (!result.ok) return t(codeProblemKey(result.error));
    await store.show(result.value.circle);
    const circleName = result.value.circle.membership.circleName || t('home.unnamedCircle');
    store.notify({
      tone: 'success',
      message: t('join.joined', { circle: circleName, fingerprint: result.value.admitterFingerprint }),
    });
    void requestPersistentStorage();
    navigate({ name: 'home' });
    return null;
  };

  if (pendingJoin === null || shown === null) {
    if (pendingJoin !== null) return null;
    return (
      <Page title={t('join.title')}>
        <p>{t('join.lead')}</p>
        <form onSubmit={(event) => void begin(event)} noValidate>
          <Field
            label={t('join.yourName')}
            hint={t('join.yourNameHint')}
            value={name}
            onInput={setName}
            maxLength={MAX_DISPLAY_NAME * 2}
            autoComplete="nickname"
            error={error}
          />
          <button type="submit" class="button button-primary">
            {t('join.showRequest')}
          </button>
        </form>
      </Page>
    );
  }

  return (
    <Page title={t('join.title')}>
      <ol class="steps">
        <li>
          <h2>{t('join.step1')}</h2>
          <p>{t('join.step1Detail', { name: shown.name })}</p>
          <ShowCode text={shown.code} label={t('join.requestCodeLabel')} />
          <p class="fingerprint">
            {t('join.fingerprint')} <strong data-testid="join-fingerprint">{shown.fingerprint}</strong>
          </p>
        </li>
        <li>
          <h2>{t('join.step2')}</h2>
          <p>{t('join.step2Detail')}</p>
          {scanning ? (
            <ScanCode onCode={onWelcome} />
          ) : (
            <button type="button" class="button button-primary" onClick={() => setScanning(true)}>
              {t('join.scanWelcome')}
            </button>
          )}
        </li>
      </ol>
      <button type="button" class="button-quiet" onClick={() => void cancel()}>
        {t('join.cancel')}
      </button>
    </Page>
  );
}
