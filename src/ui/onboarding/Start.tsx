import { useState } from 'preact/hooks';
import { Page } from '../components/Page';
import { useAppState, useAppStore, useT } from '../shell/context';
import { hrefFor, navigate } from '../shell/router';
import { LanguagePicker } from '../settings/LanguagePicker';

/** The first screen on a phone with no circle: found one, join one, or look around a demo. */
export function Start() {
  const { t } = useT();
  const store = useAppStore();
  const { pendingJoin } = useAppState();
  const [opening, setOpening] = useState(false);

  const exploreDemo = async (): Promise<void> => {
    setOpening(true);
    try {
      const { openDemoCircle } = await import('../../app/circles');
      const { DEMO_FILE_NAME } = await import('../../demo/demo-file');
      const loadHistory = async (): Promise<Uint8Array> => {
        // The file is part of the app: the service worker serves it offline.
        const response = await fetch(`./${DEMO_FILE_NAME}`);
        if (!response.ok) throw new Error(`demo file: ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      };
      await store.show(await openDemoCircle(store.vault, store.deps, loadHistory));
      navigate({ name: 'home' });
    } catch {
      store.notify({ tone: 'error', message: t('demo.failed') });
    } finally {
      setOpening(false);
    }
  };

  return (
    <Page title={t('start.title')}>
      <p class="lead">{t('start.lead')}</p>
      <ul class="feature-list">
        <li>{t('start.featureCredits')}</li>
        <li>{t('start.featureTools')}</li>
        <li>{t('start.featureDefense')}</li>
        <li>{t('start.featureOffline')}</li>
      </ul>
      <div class="actions-column">
        {pendingJoin !== null && (
          <a class="button button-primary" href={hrefFor({ name: 'join' })}>
            {t('start.continueJoining', { name: pendingJoin.name })}
          </a>
        )}
        <a class="button button-primary" href={hrefFor({ name: 'create' })}>
          {t('start.create')}
        </a>
        <a class="button" href={hrefFor({ name: 'join' })}>
          {t('start.join')}
        </a>
        <button type="button" class="button" onClick={() => void exploreDemo()} disabled={opening} aria-busy={opening}>
          {opening ? t('demo.opening') : t('start.demo')}
        </button>
      </div>
      <LanguagePicker />
    </Page>
  );
}
