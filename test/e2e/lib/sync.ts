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
