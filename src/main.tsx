import { render } from 'preact';
import { platformDeps } from './app/deps';
import { openVault } from './replica/vault';
import { listenForInstallPrompt } from './pwa/install';
import { registerServiceWorker } from './pwa/register';
import { App } from './ui/shell/App';
import { loadLocale } from './ui/shell/locale';
import { loadLanguage } from './i18n/i18n';
import { AppStore } from './ui/shell/store';
import './ui/styles.css';

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  const locale = loadLocale();
  document.documentElement.lang = locale;
  listenForInstallPrompt();
  registerServiceWorker();
  let store: AppStore;
  try {
    const [vault, language] = await Promise.all([openVault(), loadLanguage(locale)]);
    store = new AppStore(vault, platformDeps, locale, language);
  } catch (error) {
    root.textContent = `Tally cannot open this phone's storage: ${String(error)}`;
    return;
  }
  render(<App store={store} />, root);
  // The page can be killed at any moment once hidden; issue queued writes first.
  window.addEventListener('pagehide', () => store.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') store.flush();
  });
  try {
    await store.load();
  } catch (error) {
    store.set({ phase: 'failed', failure: String(error) });
  }
  // Expired sealed fields stop opening here: at every start, locked or not, every hour, and on return to the app.
  platformDeps.idle(() => void store.stepExpiryChains());
  window.setInterval(() => void store.stepExpiryChains(), EXPIRY_STEP_EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void store.stepExpiryChains();
  });
}

const EXPIRY_STEP_EVERY_MS = 10 * 60 * 1000;

void start();
