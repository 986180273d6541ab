import { useEffect, useState } from 'preact/hooks';
import { canPromptInstall, isIosDevice, isStandalone, onInstallAvailable, promptInstall } from '../../pwa/install';
import { useT } from '../shell/context';

/** Offers installing to the home screen: a button where the browser allows it, instructions on iPhone. */
export function InstallPanel() {
  const { t } = useT();
  const [available, setAvailable] = useState(canPromptInstall());
  useEffect(() => onInstallAvailable(setAvailable), []);
  if (isStandalone()) return null;
  return (
    <section aria-labelledby="install-title">
      <h2 id="install-title">{t('install.title')}</h2>
      <p>{t('install.why')}</p>
      {available ? (
        <button type="button" class="button button-primary" onClick={() => void promptInstall()}>
          {t('install.button')}
        </button>
      ) : (
        <p class="muted">{isIosDevice() ? t('install.ios') : t('install.menu')}</p>
      )}
    </section>
  );
}
