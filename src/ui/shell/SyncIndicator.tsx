import { useEffect, useState } from 'preact/hooks';
import { useAppState, useT } from './context';
import { hrefFor } from './router';

/** The sync status on every screen: connected to whom, or when this phone last synced. */
export function SyncIndicator() {
  const translator = useT();
  const { t } = translator;
  const { sync } = useAppState();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (sync === null) return null;
  const live = sync.links().filter((link) => link.stats.state !== 'closed').length;
  const last = sync.lastSync();
  const text =
    live > 0 ? t('syncStatus.live', { count: live }) : last === null ? t('syncStatus.never') : t('syncStatus.last', { when: translator.relative(last.at, now) });
  return (
    <a class="sync-indicator" href={hrefFor({ name: 'sync' })} aria-label={`${t('syncStatus.label')}: ${text}`} data-testid="sync-indicator">
      <span aria-hidden="true" class={live > 0 ? 'sync-dot sync-dot-live' : 'sync-dot'} />
      {text}
    </a>
  );
}
