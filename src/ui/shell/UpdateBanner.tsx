import { useEffect, useState } from 'preact/hooks';
import { applyUpdate, onOfflineReady, onUpdateReady } from '../../pwa/register';
import { useT } from './context';

/**
 * A new version waits until the member chooses to load it: reloading by itself
 * could interrupt someone in the middle of recording an exchange.
 */
export function UpdateBanner() {
  const { t } = useT();
  const [updateReady, setUpdateReady] = useState(false);
  const [offlineReady, setOfflineReady] = useState(false);
  useEffect(() => onUpdateReady(() => setUpdateReady(true)), []);
  useEffect(() => onOfflineReady(() => setOfflineReady(true)), []);

  if (updateReady) {
    return (
      <div class="banner banner-update" role="region" aria-label={t('update.region')}>
        <p>{t('update.ready')}</p>
        <div class="actions-row">
          <button type="button" class="button button-primary" onClick={applyUpdate}>
            {t('update.now')}
          </button>
          <button type="button" class="button" onClick={() => setUpdateReady(false)}>
            {t('update.later')}
          </button>
        </div>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div class="banner" role="status">
        <p>{t('update.offlineReady')}</p>
        <button type="button" class="button-quiet" onClick={() => setOfflineReady(false)}>
          {t('common.dismiss')}
        </button>
      </div>
    );
  }
  return null;
}
