import { useEffect } from 'preact/hooks';
import { useAppState, useAppStore } from '../shell/context';
import { shouldLock } from '../../domain/lock-policy';
import type { AutoLockChoice } from '../../domain/lock-policy';
import type { KeyringStatus } from '../../replica/keyring';

/** Touches, keys and scrolls count as use; a glance at a screen that is left alone does not. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/** How often the page checks while it is shown: a few seconds late at most. */
const CHECK_EVERY_MS = 5000;

/**
 * Locks the app after the member's chosen minutes without use. Timers do not
 * run while a phone sleeps or the page is hidden, so the check runs again the
 * moment the page is shown: a phone picked up after an hour locks before
 * anyone can read it.
 */
export function useAutoLock(status: KeyringStatus, choice: AutoLockChoice, now: () => number, lockNow: () => void): void {
  useEffect(() => {
    if (status !== 'unlocked' || choice === 'never') return;
    let lastActivity = now();
    const touched = () => {
      lastActivity = now();
    };
    const check = () => {
      if (shouldLock(lastActivity, now(), choice)) lockNow();
    };
    const shown = () => {
      if (document.visibilityState === 'visible') check();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, touched, { passive: true, capture: true });
    document.addEventListener('visibilitychange', shown);
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, touched, { capture: true });
      document.removeEventListener('visibilitychange', shown);
      clearInterval(timer);
    };
  }, [status, choice]);
}

/** The hook as a component, so its code loads only on a phone whose lock is on (see App.tsx). */
export function AutoLock() {
  const store = useAppStore();
  const { lock } = useAppState();
  useAutoLock(lock.status, lock.autoLock, store.deps.now, () => void store.lockNow());
  return null;
}
