import { useId } from 'preact/hooks';
import { loadLanguage, LOCALES } from '../../i18n/i18n';
import type { Locale } from '../../i18n/i18n';
import { useAppState, useAppStore, useT } from '../shell/context';
import { saveLocale } from '../shell/locale';

const NATIVE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

export function LanguagePicker() {
  const { t } = useT();
  const store = useAppStore();
  const { locale, language } = useAppState();
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{t('settings.language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          const next = event.currentTarget.value as Locale;
          if (!LOCALES.includes(next)) return;
          void loadLanguage(next, language.areas).then(
            (language) => {
              saveLocale(next);
              store.set({ locale: next, language });
            },
            () => store.notify({ tone: 'error', message: t('common.loadFailed') }),
          );
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {NATIVE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
