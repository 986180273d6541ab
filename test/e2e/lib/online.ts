// Steps of going online and watching members arrive, shared by the browser tests that sync over WebRTC.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { blankCamera } from './app';
import { collectPageErrors, launchBrowser } from './browser';
import type { LaunchedBrowser } from './browser';
import { openSync } from './sync';
import { startSignalServer, testHost } from './webrtc';
import type { SignalServer } from './webrtc';

export async function goOnline(page: Page, baseUrl: string, url: string): Promise<void> {
  await openSync(page, baseUrl);
  await page.getByLabel('Signaling servers, one per line (ws:// or wss://)').fill(url);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByTestId('sync-room-status').getByText('1 of 1 servers reached', { exact: false }).waitFor({ timeout: 30_000 });
}

export async function memberNames(page: Page, baseUrl: string): Promise<string[]> {
  await page.goto(`${baseUrl}/#/members`);
  await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
  return (await page.locator('.member-list li a').allTextContents()).map((text) => text.replace(' (you)', '')).sort();
}

/** Polls the members list, at most every half second and for at most `limitMs`. */
export async function untilMembers(page: Page, baseUrl: string, expected: string[], limitMs = 60_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const names = await memberNames(page, baseUrl);
    if (JSON.stringify(names) === JSON.stringify(expected)) return;
    if (Date.now() - started > limitMs) throw new Error(`members stayed ${JSON.stringify(names)}`);
    await page.waitForTimeout(500);
  }
}

export interface CameraPhone {
  readonly page: Page;
  /** The .y4m file the phone's browser films: write a code into it to show it to this phone. */
  readonly camera: string;
  readonly errors: string[];
}

/**
 * Phones for a test file, each a browser with its own fake camera, and local
 * signaling servers; `close` ends every browser and server the kit started.
 */
export function phoneKit(prefix: string) {
  const scratch = mkdtempSync(join(process.env['TALLY_E2E_TMPDIR'] ?? tmpdir(), `${prefix}-`));
  const browsers: LaunchedBrowser[] = [];
  const servers: SignalServer[] = [];
  return {
    async phone(name: string): Promise<CameraPhone> {
      const camera = await blankCamera(scratch, name);
      const browser = await launchBrowser({ cameraFile: camera });
      browsers.push(browser);
      const page = await browser.newPage();
      return { page, camera, errors: collectPageErrors(page) };
    },
    async server(): Promise<SignalServer> {
      const server = await startSignalServer(testHost());
      servers.push(server);
      return server;
    },
    async close(): Promise<void> {
      await Promise.all(browsers.map((b) => b.close()));
      await Promise.all(servers.map((s) => s.kill()));
    },
  };
}
