import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Area } from '../../i18n/en';
import { useAppStore, useT } from './context';

/**
 * Screens a first visit does not need are loaded when first opened, so the
 * first screen appears sooner on a slow phone. The service worker precaches
 * every chunk, so this works offline too.
 */
export interface LazyOptions {
  /** The area whose strings the screen needs, loaded with its code. */
  readonly area?: Area;
  /** A part of a screen appears when ready, rather than saying it is loading. */
  readonly quiet?: boolean;
}

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>, options: LazyOptions = {}): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const { t } = useT();
    const store = useAppStore();
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded !== null) return;
      let cancelled = false;
      const area = options.area;
      pending ??= area === undefined ? load() : Promise.all([load(), store.ensureArea(area)]).then(([loaded]) => loaded);
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
    if (component === null) return options.quiet === true ? null : <p aria-busy="true">{t('common.loading')}</p>;
    const Loaded = component;
    return <Loaded {...props} />;
  };
}
