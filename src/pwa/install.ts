import { createListeners } from './listeners';

/** Chromium's install event; the DOM typings do not include it. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ readonly outcome: 'accepted' | 'dismissed' }>;
}

/** What came of offering the install prompt. */
export type InstallOutcome = 'accepted' | 'dismissed' | 'unavailable';

let deferred: BeforeInstallPromptEvent | undefined;
let listening = false;
const availability = createListeners<boolean>();

function setDeferred(event: BeforeInstallPromptEvent | undefined): void {
  deferred = event;
  availability.emit(event !== undefined);
}

/**
 * Starts catching the install event. Chromium may fire it before the UI has
 * mounted, so the app calls this first thing; the other functions here call
 * it too, in case it was not.
 */
export function listenForInstallPrompt(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keeps Chromium's own infobar away: the app offers an Install button instead.
    event.preventDefault();
    setDeferred(event as BeforeInstallPromptEvent);
  });
  window.addEventListener('appinstalled', () => {
    setDeferred(undefined);
  });
}

/** Whether an Install button would work right now (Chromium and Android only). */
export function canPromptInstall(): boolean {
  listenForInstallPrompt();
  return deferred !== undefined;
}

/**
 * Calls the listener with true when installing becomes possible (at once if it
 * already is) and with false once the prompt is used or the app installed.
 */
export function onInstallAvailable(listener: (available: boolean) => void): () => void {
  listenForInstallPrompt();
  const remove = availability.add(listener);
  if (deferred !== undefined) listener(true);
  return remove;
}

/** Shows the browser's install dialog. Call it straight from a tap handler. */
export async function promptInstall(): Promise<InstallOutcome> {
  const event = deferred;
  if (event === undefined) return 'unavailable';
  // The browser honours each captured event only once.
  setDeferred(undefined);
  try {
    await event.prompt();
    return (await event.userChoice).outcome;
  } catch {
    return 'unavailable';
  }
}

/** True when running from the home screen rather than in a browser tab. */
export function isStandalone(): boolean {
  if (typeof window === 'undefined') return false;
  // Older iOS versions do not match display-mode; they have their own flag.
  const ios = (window.navigator as Navigator & { readonly standalone?: boolean }).standalone;
  if (ios === true) return true;
  return typeof window.matchMedia === 'function' && window.matchMedia('(display-mode: standalone)').matches;
}

/**
 * True on iPhone and iPad, where no install prompt exists and members add the
 * app from Safari's share menu instead.
 */
export function isIosDevice(): boolean {
  if (typeof navigator === 'undefined') return false;
  const ua = navigator.userAgent;
  // iPadOS presents itself as a Mac; touch support gives it away.
  return /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
}
