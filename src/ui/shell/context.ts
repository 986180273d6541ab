import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { makeTranslator } from '../../i18n/i18n';
import type { Translator } from '../../i18n/i18n';
import type { AppState, AppStore } from './store';

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppStore outside the app');
  return store;
}

/** Re-renders the caller whenever the app state changes. */
export function useAppState(): AppState {
  const store = useAppStore();
  const [state, setState] = useState(store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe(() => setState(store.get()));
  }, [store]);
  return state;
}

export function useT(): Translator {
  const { locale, language } = useAppState();
  return useMemo(() => makeTranslator(locale, language), [locale, language]);
}
