import type { Workbox } from 'workbox-window';
import { createListeners } from './listeners';

// Browsers look for a new version when the app is opened; an installed app is
// mostly resumed, not opened, so we also look when it comes back to the front.
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

let workbox: Workbox | undefined;
let registering = false;
let waitingWorker: ServiceWorker | undefined;
// Another tab already switched to the new version: this page runs old code
// whose lazy chunks are no longer cached, so only a reload fixes it.
let outdated = false;
let offlineReady = false;
let reloadWhenControlled = false;
let lastUpdateCheck = 0;
const updateListeners = createListeners<void>();
const offlineListeners = createListeners<void>();

/**
 * Registers the service worker in production builds. Safe to call more than
 * once; a browser without service workers simply runs online only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || registering) return;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  registering = true;
  // workbox-window loads after the first screen: nothing on it needs the worker.
  import('workbox-window')
    .then(({ Workbox: WorkboxClass }) => startWorkbox(new WorkboxClass('./sw.js', { scope: './' })))
    // Offline with no cache yet (the first visit failed halfway): the app still runs.
    .catch(() => {
      registering = false;
    });
}

function startWorkbox(wb: Workbox): void {
  const container = navigator.serviceWorker;
  workbox = wb;
  let controller = container.controller;

  wb.addEventListener('activated', (event) => {
    // isUpdate is false only when no worker controlled the page at
    // registration: this is the first install, and everything is cached now.
    if (event.isUpdate !== true && event.isExternal !== true) markOfflineReady();
  });
  wb.addEventListener('controlling', () => {
    const hadController = controller !== null;
    controller = container.controller;
    if (reloadWhenControlled) {
      reloadWhenControlled = false;
      window.location.reload();
    } else if (hadController) {
      outdated = true;
      updateListeners.emit();
    }
  });

  lastUpdateCheck = Date.now();
  wb.register()
    .then((registration) => {
      if (registration !== undefined) watchForWaiting(registration);
    })
    // Registration fails in some private windows; the app still works while online.
    .catch(() => undefined);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate(wb);
  });
}

// workbox-window's own 'waiting' event stops reporting after the first update
// it considers external, so waiting workers are tracked on the registration.
function watchForWaiting(registration: ServiceWorkerRegistration): void {
  if (registration.waiting !== null && registration.active !== null) markWaiting(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    if (installing === null) return;
    installing.addEventListener('statechange', () => {
      // With no active worker this is the first install, which never waits.
      if (installing.state === 'installed' && registration.waiting === installing && registration.active !== null) {
        markWaiting(installing);
      }
    });
  });
}

function checkForUpdate(wb: Workbox): void {
  const now = Date.now();
  if (!navigator.onLine || now - lastUpdateCheck < UPDATE_CHECK_INTERVAL_MS) return;
  lastUpdateCheck = now;
  // Offline or the host is gone: the next return to the app tries again.
  wb.update().catch(() => undefined);
}

function markWaiting(worker: ServiceWorker): void {
  if (worker === waitingWorker) return;
  waitingWorker = worker;
  updateListeners.emit();
}

function markOfflineReady(): void {
  if (offlineReady) return;
  offlineReady = true;
  offlineListeners.emit();
}

/**
 * Calls the listener whenever a new version is ready (at once if one already
 * is). The UI offers "Update now"; nothing reloads until the member taps it.
 */
export function onUpdateReady(listener: () => void): () => void {
  const remove = updateListeners.add(listener);
  if (waitingWorker !== undefined || outdated) listener();
  return remove;
}

/** Calls the listener once the first install has cached the app for offline use (at once if it has). */
export function onOfflineReady(listener: () => void): () => void {
  const remove = offlineListeners.add(listener);
  if (offlineReady) listener();
  return remove;
}

/**
 * Switches to the waiting version; the page reloads when the new worker takes
 * control, and not before. Only for an explicit tap on "Update now".
 */
export function applyUpdate(): void {
  if (outdated) {
    window.location.reload();
    return;
  }
  if (workbox === undefined || waitingWorker === undefined) return;
  reloadWhenControlled = true;
  workbox.messageSkipWaiting();
}
