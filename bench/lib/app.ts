// The app as a member's phone runs it, for the browser benches: dist/ served
// on loopback, Chromium launched by the browser tests' own launcher, the demo
// circle stored once, and the app opened again the way a member opens it.
//
// Code that runs in the page is kept in strings: the bench runner compiles
// TypeScript with helpers (function naming) that do not exist in the page.
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../test/e2e/lib/browser';
import type { LaunchedBrowser } from '../../test/e2e/lib/browser';
import { startStaticServer } from '../../test/e2e/lib/server';
import type { StaticServer } from '../../test/e2e/lib/server';
import { note, sleep } from './stats';

export const DEMO_CIRCLE_NAME = 'Calle Esperanza Commons';
export const DEMO_MEMBER_COUNT_TEXT = '150 members';
/** Building the demo signs and verifies its records on the page: slow on a busy machine. */
const DEMO_BUILD_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 30_000;

export interface BenchApp {
  readonly url: string;
  readonly browser: LaunchedBrowser;
  close(): Promise<void>;
}

/**
 * The app asks for exactly one idle callback per open, to fold y-indexeddb's
 * stored updates (src/app/deps.ts, src/replica/doc-store.ts). Benches either
 * watch those callbacks, to know when the app's work after opening is done, or
 * withhold them, to see the app without that step.
 */
export type IdleCallbacks = 'watch' | 'withhold';

const IDLE_SCRIPTS: Readonly<Record<IdleCallbacks, string>> = {
  // Counts callbacks asked for and run, and passes each on unchanged.
  watch: `(() => {
    const original = window.requestIdleCallback;
    if (typeof original !== 'function') return;
    const counts = { asked: 0, ran: 0 };
    window.__benchIdle = counts;
    window.requestIdleCallback = (callback, options) => {
      counts.asked += 1;
      return original.call(window, (deadline) => { counts.ran += 1; callback(deadline); }, options);
    };
  })();`,
  // A requestIdleCallback that never calls back: the app then never runs its idle step.
  withhold: 'window.requestIdleCallback = () => 0;',
};

/** Serves dist/ and launches Chromium with a fresh profile; every page it opens gets the idle script. */
export async function startBenchApp(idle: IdleCallbacks = 'watch'): Promise<BenchApp> {
  const server: StaticServer = await startStaticServer({ root: resolve('dist') });
  let browser: LaunchedBrowser;
  try {
    browser = await launchBrowser();
    await browser.context.addInitScript({ content: IDLE_SCRIPTS[idle] });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/**
 * The first visit: waits until the service worker controls the page (so every
 * later open is served the way an installed app is), then explores the demo
 * circle and waits for its home. Returns the page, still open.
 */
export async function installAndOpenDemo(app: BenchApp): Promise<Page> {
  const page = await app.browser.newPage();
  await page.goto(`${app.url}/#/welcome`, { timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: STEP_TIMEOUT_MS });
  await page.getByRole('button', { name: 'Explore a demo circle' }).click({ timeout: STEP_TIMEOUT_MS });
  await waitForDemoHome(page, DEMO_BUILD_TIMEOUT_MS);
  return page;
}

export async function waitForDemoHome(page: Page, timeout = STEP_TIMEOUT_MS): Promise<void> {
  await page.getByRole('heading', { level: 1, name: DEMO_CIRCLE_NAME }).waitFor({ timeout });
  await page.getByText(DEMO_MEMBER_COUNT_TEXT, { exact: false }).first().waitFor({ state: 'visible', timeout });
}

/** A member opening the app again: a new page on the same profile, at the app's start URL. */
export async function reopen(app: BenchApp, context: BrowserContext = app.browser.context): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${app.url}/#/`, { timeout: STEP_TIMEOUT_MS });
  await waitForDemoHome(page);
  await assertControlled(page);
  return page;
}

/** Every open after the first must come through the service worker, or the figure is not an installed app's. */
export async function assertControlled(page: Page): Promise<void> {
  if ((await page.evaluate('navigator.serviceWorker.controller !== null')) !== true) {
    throw new Error('the page is not controlled by the service worker');
  }
}

export interface StorageSample {
  /** Logical bytes of every key and value in every IndexedDB database of the origin. */
  readonly bytes: number;
  /** Rows in y-indexeddb's "updates" stores: 1 once the stored updates are folded into one. */
  readonly docUpdates: number;
  /** Chromium's own figure for the origin's IndexedDB on disk, when it gives one. */
  readonly physical: number | null;
  /** Idle callbacks the page asked for and that ran, when they are watched. */
  readonly idle: { readonly asked: number; readonly ran: number } | null;
  readonly detail: string;
}

/**
 * Logical size of the origin's IndexedDB, read in the page. For every database
 * that indexedDB.databases() lists, every object store is read in one
 * read-only transaction (getAllKeys and getAll), and the bytes of every
 * primary key and every value are summed:
 *   - ArrayBuffer and typed arrays: byteLength; Blob: size
 *   - strings: 2 bytes per UTF-16 code unit (how the engine holds them)
 *   - numbers, bigints, booleans and dates: 8 bytes
 *   - arrays, Maps, Sets and plain objects: the sum of their members, plus
 *     each object field's name as a string; an object met twice counts once
 * A key that is also inside its value (a keyPath store) counts twice, because
 * the store keeps it twice. This is the data, not its encoding on disk, so it
 * does not move with LevelDB's logs and compactions.
 */
const MEASURE_SCRIPT = String.raw`(async () => {
  const seen = new WeakSet();
  const sizeOf = (value) => {
    if (value === null || value === undefined) return 0;
    const type = typeof value;
    if (type === 'string') return value.length * 2;
    if (type === 'number' || type === 'bigint' || type === 'boolean') return 8;
    if (type !== 'object') return 0;
    if (value instanceof ArrayBuffer) return value.byteLength;
    if (ArrayBuffer.isView(value)) return value.byteLength;
    if (value instanceof Blob) return value.size;
    if (value instanceof Date) return 8;
    if (seen.has(value)) return 0;
    seen.add(value);
    let total = 0;
    if (value instanceof Map) {
      for (const [k, v] of value) total += sizeOf(k) + sizeOf(v);
    } else if (value instanceof Set || Array.isArray(value)) {
      for (const v of value) total += sizeOf(v);
    } else {
      for (const key of Object.keys(value)) total += key.length * 2 + sizeOf(value[key]);
    }
    return total;
  };
  const settle = (request) => new Promise((ok, fail) => {
    request.onsuccess = () => ok(request.result);
    request.onerror = () => fail(request.error);
  });
  const openExisting = (name) => new Promise((ok) => {
    const request = indexedDB.open(name);
    // The database went away after it was listed: do not create it by measuring.
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => ok(request.result);
    request.onerror = () => ok(null);
  });
  let bytes = 0;
  let docUpdates = 0;
  const detail = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await openExisting(info.name);
    if (db === null) continue;
    try {
      const names = Array.from(db.objectStoreNames);
      if (names.length === 0) continue;
      const tx = db.transaction(names, 'readonly');
      for (const name of names) {
        const store = tx.objectStore(name);
        const [keys, values] = await Promise.all([settle(store.getAllKeys()), settle(store.getAll())]);
        let storeBytes = 0;
        for (const key of keys) storeBytes += sizeOf(key);
        for (const value of values) storeBytes += sizeOf(value);
        bytes += storeBytes;
        if (info.name.startsWith('tally-doc-') && name === 'updates') docUpdates += keys.length;
        detail.push(info.name.slice(0, 24) + '/' + name + ':' + keys.length + ':' + storeBytes);
      }
    } finally {
      db.close();
    }
  }
  const estimate = await navigator.storage.estimate();
  const physical = estimate.usageDetails && typeof estimate.usageDetails.indexedDB === 'number' ? estimate.usageDetails.indexedDB : null;
  const idle = window.__benchIdle ? { asked: window.__benchIdle.asked, ran: window.__benchIdle.ran } : null;
  return { bytes, docUpdates, physical, idle, detail: detail.join(' ') };
})()`;

export async function storageSample(page: Page): Promise<StorageSample> {
  const raw = await page.evaluate<Partial<StorageSample> | null>(MEASURE_SCRIPT);
  if (raw === null || typeof raw.bytes !== 'number' || typeof raw.docUpdates !== 'number' || typeof raw.detail !== 'string') {
    throw new Error(`unexpected storage sample: ${JSON.stringify(raw)}`);
  }
  return {
    bytes: raw.bytes,
    docUpdates: raw.docUpdates,
    physical: typeof raw.physical === 'number' ? raw.physical : null,
    idle: raw.idle ?? null,
    detail: raw.detail,
  };
}

export interface SettleOptions {
  /** The app's idle step is expected to run: wait for it too. */
  readonly compacted: boolean;
  readonly stableMs?: number;
  readonly capMs?: number;
}

/** The app's idle step has run, or has nothing left to do. */
export function idleStepDone(sample: StorageSample): boolean {
  if (sample.docUpdates <= 1) return true;
  return sample.idle !== null && sample.idle.asked > 0 && sample.idle.ran >= sample.idle.asked;
}

/**
 * Waits until the app has stopped writing: the logical size and the number of
 * stored document updates unchanged for stableMs and, when asked, the app's
 * idle step run (its fold then writes within milliseconds, which the stable
 * window covers). Polls every 250 ms and gives up after capMs with a note. A
 * fixed wait could read the storage before the idle step on a busy machine.
 */
export async function settledStorage(page: Page, options: SettleOptions): Promise<StorageSample> {
  const stableMs = options.stableMs ?? 1_000;
  const deadline = Date.now() + (options.capMs ?? 15_000);
  let last = await storageSample(page);
  let stableSince = Date.now();
  for (;;) {
    await sleep(250);
    const sample = await storageSample(page);
    const now = Date.now();
    if (sample.bytes !== last.bytes || sample.docUpdates !== last.docUpdates) stableSince = now;
    last = sample;
    if (now - stableSince >= stableMs && (!options.compacted || idleStepDone(sample))) return sample;
    if (now > deadline) {
      note(`storage did not settle in time (${sample.docUpdates} stored document updates); using the last sample`);
      return sample;
    }
  }
}
