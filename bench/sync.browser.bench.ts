// sync.initial_ms: the first full sync of the three-year demo circle over
// WebRTC, between two Chromiums inside the benches' own network namespace,
// through a local stock signaling server.
//
// Setup (not measured): both browsers open the demo circle as the same member
// (a member's two phones); the second keeps only the founding and the 149
// admissions (so it lacks about 1.1 MB of records), and both save the server.
// The first connects and waits in the room.
// Measured: from the second phone's tap on Connect until its diagnostics count
// every record as valid: finding the peer, the handshake, the transfer in
// pieces, and checking every signature. Median of 3 runs, each with fresh browsers.
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { launchBrowser } from '../test/e2e/lib/browser';
import type { LaunchedBrowser } from '../test/e2e/lib/browser';
import { startStaticServer } from '../test/e2e/lib/server';
import { keepOnlyFirstDemoRecords } from '../test/e2e/lib/sync';
import { startSignalServer, testHost } from '../test/e2e/lib/webrtc';
import { report } from './lib/print';
import { median, note, summary } from './lib/stats';

const RUNS = 3;
const STEP_MS = 60_000;
const SERVERS_LABEL = 'Signaling servers, one per line (ws:// or wss://)';

async function openDemo(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/welcome`);
  await page.getByRole('button', { name: 'Explore a demo circle' }).click();
  await page.getByText('150 members', { exact: false }).waitFor({ timeout: STEP_MS });
}

async function validCount(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/#/diagnostics`);
  await page.getByTestId('valid-count').waitFor({ timeout: STEP_MS });
  return Number(await page.getByTestId('valid-count').textContent());
}

async function prepareOnline(page: Page, url: string, server: string): Promise<void> {
  await page.goto(`${url}/#/sync`);
  await page.getByLabel(SERVERS_LABEL).fill(server);
}

const static_ = await startStaticServer({ root: resolve('dist') });
const signal = await startSignalServer(testHost());
const runs: number[] = [];
let records = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const browsers: LaunchedBrowser[] = [await launchBrowser(), await launchBrowser()];
    try {
      const first = await browsers[0]!.newPage();
      let second = await browsers[1]!.newPage();
      await openDemo(first, static_.url);
      await openDemo(second, static_.url);
      records = await validCount(first, static_.url);
      second = await keepOnlyFirstDemoRecords(second, static_.url, 150);
      await prepareOnline(first, static_.url, signal.url);
      await first.getByRole('button', { name: 'Connect' }).click();
      await prepareOnline(second, static_.url, signal.url);
      const started = performance.now();
      await second.getByRole('button', { name: 'Connect' }).click();
      await second.goto(`${static_.url}/#/diagnostics`);
      await second.waitForFunction(
        (target) => Number(document.querySelector('[data-testid="valid-count"]')?.textContent) >= target,
        records,
        { timeout: STEP_MS * 2, polling: 50 },
      );
      runs.push(performance.now() - started);
    } finally {
      await Promise.all(browsers.map((browser) => browser.close()));
    }
  }
} finally {
  await signal.kill();
  await static_.stop();
}
note(`first sync of ${records} records; runs (ms): ${summary(runs)}`);
report('sync.initial_ms', median(runs), 'ms');
