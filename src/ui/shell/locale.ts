/**
 * The language is read before the first paint, so it lives in localStorage:
 * it says nothing about the circle or its members.
 */
import { preferredLocale } from '../../i18n/i18n';
import type { Locale } from '../../i18n/i18n';

const KEY = 'tally.locale';

export function loadLocale(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    // Storage can be blocked (private modes); the phone's language still applies.
  }
  return preferredLocale(saved, navigator.languages);
}

export function saveLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Not saved: the choice holds for this visit.
  }
}
