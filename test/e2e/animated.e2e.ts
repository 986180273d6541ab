// Sync with no network: one phone's updates reach another as an animated code
// filmed by its camera. The camera is Chromium's fake one playing a .y4m of
// the code's frames at 8 a second; the page mounts the scanner on its own
// (test/e2e/lib/animated.ts explains why).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bytesEqual } from '../../src/records/bytes';
import { readAnimatedFrame } from '../../src/sync/animated';
import { createFountainDecoder } from '../../src/sync/fountain';
import { expectAccessible } from './lib/axe';
import { CodeKind, encodeFrame } from '../../src/qr/frame';
import {
  recordIdsAdded,
  sealedRecordsPayload,
  serveAnimatedPage,
  streamTexts,
  waitForScan,
  writeAnimatedCamera,
  writeCodesCamera,
} from './lib/animated';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import type { StaticServer } from './lib/server';

const scratch = mkdtempSync(join(process.env['TALLY_E2E_TMPDIR'] ?? tmpdir(), 'animated-'));
const browsers: LaunchedBrowser[] = [];
let server: StaticServer;

beforeAll(async () => {
  server = await serveAnimatedPage(join(scratch, 'page'));
}, 120_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.stop();
});

describe('an animated code', () => {
  test('carries 20 kB of sealed records through a camera that films it', { timeout: 180_000 }, async () => {
    const sent = sealedRecordsPayload(20_000);
    const cameraFile = join(scratch, 'animated.y4m');
    const written = await writeAnimatedCamera(cameraFile, sent.payload, { framesPerBlock: 2, fps: 8 });
    expect(written.version).toBeLessThanOrEqual(15);

    const browser = await launchBrowser({ cameraFile });
    browsers.push(browser);
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/#scanner`);
    await page.getByText('Hold the camera on the moving code').waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'animated scanner');

    const scan = await waitForScan(page, 120_000);
    expect(bytesEqual(scan.payload, sent.payload)).toBe(true);
    expect(scan.completions).toBe(1);
    expect(recordIdsAdded(sent, scan.payload)).toEqual(sent.recordIds);
    await page.getByText('Received', { exact: true }).waitFor();
    await expect(page.getByRole('progressbar', { name: 'Received so far' }).getAttribute('value')).resolves.toBe(String(written.blocks));
    await expect(page.getByText(`${written.blocks} of ${written.blocks} parts`).count()).resolves.toBe(1);
    // The camera is released once the payload is in.
    await expect(page.locator('video').isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  test("locks onto one phone's stream, tells the other apart, and ignores other codes", { timeout: 120_000 }, async () => {
    const first = sealedRecordsPayload(3_000);
    const second = sealedRecordsPayload(2_000);
    const a = streamTexts(first.payload, 2, 'first phone');
    const b = streamTexts(second.payload, 2, 'second phone');
    const foreign = ['HELLO FROM ANOTHER APP', encodeFrame(CodeKind.Welcome, 1, new Uint8Array(40))];
    // Two phones' streams interleaved, with a code of another app or kind after every four frames:
    // whichever stream is read, the other's frames and the foreign codes pass before it completes.
    const shown: string[] = [];
    for (let i = 0; i < Math.max(a.texts.length, b.texts.length); i++) {
      for (const text of [a.texts[i], b.texts[i]]) if (text !== undefined) shown.push(text);
      if (i % 2 === 1) shown.push(foreign[(i >> 1) % 2]!);
    }
    const cameraFile = join(scratch, 'mixed.y4m');
    await writeCodesCamera(cameraFile, shown, 8);

    const browser = await launchBrowser({ cameraFile });
    browsers.push(browser);
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/#scanner`);
    const scan = await waitForScan(page, 90_000);
    // Whichever stream the camera caught first is the one read; the other is "another phone's code".
    const matches = [first.payload, second.payload].filter((payload) => bytesEqual(payload, scan.payload));
    expect(matches).toHaveLength(1);
    expect(scan.completions).toBe(1);
    expect(scan.otherTransfers).toBeGreaterThan(0);
    expect(scan.ignored).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('is shown frame after frame, can be paused, and decodes from what the page showed', { timeout: 90_000 }, async () => {
    const sent = sealedRecordsPayload(2_500);
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/#code`);
    await page.evaluate(`window.tallyAnimated.showCode(${JSON.stringify(Buffer.from(sent.payload).toString('hex'))}, 8)`);
    const code = page.getByRole('img', { name: 'Updates for the other phone, as a moving code' });
    await code.waitFor();
    await expectAccessible(page, 'animated code');

    // Read what the page shows, as a camera would, until the payload is whole.
    const decoder = createFountainDecoder();
    const seen = new Set<string>();
    for (let tries = 0; decoder.result() === null && tries < 400; tries++) {
      const text = (await code.getAttribute('data-frame-text')) ?? '';
      if (!seen.has(text)) {
        seen.add(text);
        const body = readAnimatedFrame(text);
        expect(body.ok).toBe(true);
        if (body.ok) decoder.accept(body.value);
      }
      await page.waitForTimeout(40);
    }
    const result = decoder.result();
    expect(result !== null && bytesEqual(result, sent.payload)).toBe(true);

    await page.getByRole('button', { name: 'Pause' }).click();
    const held = await code.getAttribute('data-frame-text');
    await page.waitForTimeout(600);
    await expect(code.getAttribute('data-frame-text')).resolves.toBe(held);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction(
      `document.querySelector('[data-frame-text]').getAttribute('data-frame-text') !== ${JSON.stringify(held)}`,
      undefined,
      { timeout: 5_000 },
    );
    expect(errors).toEqual([]);
  });
});
