import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from './context';

/**
 * Screens a first visit does not need are loaded when first opened, so the
 * first screen appears sooner on a slow phone. The service worker precaches
 * every chunk, so this works offline too.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const { t } = useT();
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded !== null) return;
      let cancelled = false;
      pending ??= load();
      pending.then(
        (value) => {
          loaded = value;
          if (!cancelled) setComponent(() => value);
        },
        () => {
          pending = null;
          if (!cancelled) setFailed(true);
        },
      );
      return () => {
        cancelled = true;
      };
    }, []);
    if (failed) return <p role="alert">{t('common.loadFailed')}</p>;
    if (component === null) return <p aria-busy="true">{t('common.loading')}</p>;
    const Loaded = component;
    return <Loaded {...props} />;
  };
}
