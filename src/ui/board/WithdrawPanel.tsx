import { useEffect, useRef, useState } from 'preact/hooks';
import { withdrawListing } from '../../app/board';
import { useAppState, useAppStore, useT } from '../shell/context';
import { navigate } from '../shell/router';

/** Taking one's own listing down, after a confirmation: a withdrawal cannot be undone. */
export function WithdrawPanel({ listingId }: { readonly listingId: string }) {
  const { t } = useT();
  const store = useAppStore();
  const { circle } = useAppState();
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  // The button tapped goes away: focus moves to the safe choice, and back
  // after a cancel, so a keyboard or screen-reader user is not left nowhere.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
    else if (opened.current) withdrawButton.current?.focus();
    opened.current = confirming || opened.current;
  }, [confirming]);

  if (circle === null) return null;

  const withdraw = async (): Promise<void> => {
    if (saving) return;
    setSaving(true);
    try {
      await withdrawListing(circle, listingId, store.deps);
      store.notify({ tone: 'success', message: t('board.withdrawn') });
      navigate({ name: 'board' });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setSaving(false);
    }
  };

  if (!confirming) {
    return (
      <div class="danger-zone">
        <button type="button" class="button" ref={withdrawButton} onClick={() => setConfirming(true)}>
          {t('board.withdraw')}
        </button>
      </div>
    );
  }
  return (
    <div class="danger-zone" role="group" aria-labelledby="withdraw-confirm">
      <p id="withdraw-confirm">{t('board.withdrawConfirm')}</p>
      <div class="actions-row">
        <button type="button" class="button button-danger" onClick={() => void withdraw()} disabled={saving} aria-busy={saving}>
          {saving ? t('common.saving') : t('board.withdrawYes')}
        </button>
        <button type="button" class="button" ref={cancelButton} onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
