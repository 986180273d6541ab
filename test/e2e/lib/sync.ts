// Steps of syncing two phones with no network, for the browser tests.
import type { Page } from 'playwright-core';
import { writeCodesCamera } from './animated';

/** Opens the sync screen afresh, so a scanner started there opens the camera on its current picture. */
export async function openSync(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/sync`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Sync with other phones' }).waitFor();
}

/**
 * Watches the moving code a page shows and collects distinct frames, as a
 * camera held on the screen would see them, then plays them into a camera file.
 */
export async function filmMovingCode(page: Page, cameraFile: string, frames: number, limitMs = 30_000): Promise<number> {
  const seen = new Set<string>();
  const started = Date.now();
  while (seen.size < frames && Date.now() - started < limitMs) {
    const text = await page.locator('[data-frame-text]').first().getAttribute('data-frame-text');
    if (text) seen.add(text);
    await page.waitForTimeout(60);
  }
  if (seen.size === 0) throw new Error('no moving code on the page');
  return writeCodesCamera(cameraFile, [...seen], 8);
}

/** Catches the sync file the page offers for download, as bytes. */
export async function catchDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const caught: Promise<number[]>[] = [];
    (window as unknown as { caughtDownloads: Promise<number[]>[] }).caughtDownloads = caught;
    const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'click');
    const click = descriptor?.value as ((this: HTMLElement) => void) | undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) {
        caught.push(fetch(this.href).then(async (response) => [...new Uint8Array(await response.arrayBuffer())]));
        return;
      }
      click?.call(this);
    };
  });
}

export async function lastDownload(page: Page): Promise<Uint8Array> {
  const bytes = await page.evaluate(async () => {
    const caught = (window as unknown as { caughtDownloads: Promise<number[]>[] }).caughtDownloads;
    return caught.length === 0 ? null : await caught[caught.length - 1]!;
  });
  if (bytes === null) throw new Error('nothing was downloaded');
  return Uint8Array.from(bytes);
}

/**
 * Leaves this phone holding only the demo circle's first records (its founding
 * and admissions), as a member's second phone would before its first sync:
 * the stored document and archive are replaced, and the app reopens.
 */
export async function keepOnlyFirstDemoRecords(app: Page, baseUrl: string, count: number): Promise<Page> {
  // The app's page closes, and a page of the same site without the app does the work, so no
  // database is held open while it is replaced.
  const context = app.context();
  await app.close();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/manifest.webmanifest`);
  await page.evaluate(async (keep) => {
    const file = new Uint8Array(await (await fetch('/demo-circle.bin')).arrayBuffer());
    const view = new DataView(file.buffer);
    const records: Uint8Array[] = [];
    for (let offset = 8; offset < file.length && records.length < keep; ) {
      const length = view.getUint32(offset);
      records.push(file.slice(offset + 4, offset + 4 + length));
      offset += 4 + length;
    }
    const names = (await indexedDB.databases()).map((db) => db.name ?? '');
    const archive = names.find((name) => name.startsWith('tally-records-'))!;
    for (const name of names.filter((n) => n.startsWith('tally-doc-') || n === archive)) {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(new Error(`could not delete ${name}`));
      });
    }
    const ids = await Promise.all(
      records.map(async (bytes) => {
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
        return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      }),
    );
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(archive, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('records', { keyPath: 'id' });
      open.onsuccess = () => {
        const tx = open.result.transaction('records', 'readwrite');
        records.forEach((bytes, i) => tx.objectStore('records').put({ id: ids[i], bytes }));
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(new Error('could not write'));
      };
    });
  }, count);
  await page.goto(`${baseUrl}/#/`);
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
  return page;
}
