import { useState } from 'preact/hooks';
import { useAppStore, useT } from '../shell/context';

/** Runs one save at a time, and says so in words when it fails. */
export function useBusy(): { readonly busy: boolean; readonly run: (work: () => Promise<unknown>) => Promise<void> } {
  const { t } = useT();
  const store = useAppStore();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    try {
      await work();
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
