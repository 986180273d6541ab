import type { Notice } from '../shell/store';
import { useT } from '../shell/context';

/** A short message about what just happened: "Saved on this phone", or what went wrong. */
export function NoticeBar({ notice, onDismiss }: { readonly notice: Notice | null; readonly onDismiss: () => void }) {
  const { t } = useT();
  return (
    <div class="notice-region" role="status" aria-live="polite">
      {notice !== null && (
        <div class={`notice notice-${notice.tone}`}>
          <p>{notice.message}</p>
          <button type="button" class="button-quiet" onClick={onDismiss}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
