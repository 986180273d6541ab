// Installed and then cut off: the app must open and work with no network at all.
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible } from './lib/axe';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import { startStaticServer } from './lib/server';
import type { StaticServer } from './lib/server';

const distDir = inject('distDir');
const cleanup: Array<LaunchedBrowser | StaticServer> = [];
afterAll(async () => {
  // The test stops its server on purpose; stopping it again here is expected to fail.
  for (const item of cleanup) await ('kill' in item ? item.close() : item.stop()).catch(() => undefined);
});

describe('offline', () => {
  test('the installable app is described by a complete manifest', () => {
    const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      short_name: string;
      display: string;
      start_url: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Tally', short_name: 'Tally', display: 'standalone', start_url: './#/' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = manifest.icons.map((icon) => `${icon.sizes}${icon.purpose === 'maskable' ? ' maskable' : ''}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512 maskable']));
    for (const icon of manifest.icons) expect(readFileSync(join(distDir, icon.src)).subarray(1, 4).toString()).toBe('PNG');
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    expect(html).toMatch(/rel="apple-touch-icon" href="[^"]*apple-touch-icon\.png"/);
    expect(html).toMatch(/rel="manifest"/);
  });

  test('after one visit, the demo circle opens and works in airplane mode with the server gone', async () => {
    const server = await startStaticServer({ root: distDir });
    cleanup.push(server);
    const browser = await launchBrowser();
    cleanup.push(browser);
    const page = await browser.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${server.url}/#/welcome`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Explore a demo circle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calle Esperanza Commons' }).waitFor({ timeout: 60_000 });
    await page.getByText('150 members', { exact: false }).waitFor();
    await expectAccessible(page, 'demo home');

    await server.stop();
    await browser.context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Calle Esperanza Commons' }).waitFor();
    await page.getByText('150 members', { exact: false }).first().waitFor();

    // Screens loaded on demand come from the service worker's cache too.
    for (const [hash, heading] of [
      ['#/settings', 'Settings'],
      ['#/diagnostics', 'Records not counted'],
      ['#/members', 'Members'],
      ['#/invite', 'Invite a neighbour'],
    ] as const) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    // The scanner's decoder and its WebAssembly are cached: no camera here, but the decoder chunk loaded.
    await page.getByLabel('Or paste the code text').waitFor();
    const wasmCached = await page.evaluate(async () => {
      const keys = await caches.keys();
      for (const key of keys) {
        const cache = await caches.open(key);
        const requests = await cache.keys();
        if (requests.some((r) => r.url.includes('zxing_reader') && r.url.endsWith('.wasm'))) return true;
      }
      return false;
    });
    expect(wasmCached).toBe(true);

    // A member can still act offline: leaving the demo works with no network.
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByRole('button', { name: 'Leave the demo circle' }).click();
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Tally' }).waitFor();
    expect(errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  test('a new version waits for the member: nothing reloads until "Update now"', async () => {
    // A copy of the build that this test can change, as a host publishing a new version would.
    const root = mkdtempSync(join(process.env['TALLY_E2E_TMPDIR'] ?? tmpdir(), 'update-'));
    cpSync(distDir, root, { recursive: true });
    const server = await startStaticServer({ root });
    cleanup.push(server);
    const browser = await launchBrowser();
    cleanup.push(browser);
    const page = await browser.newPage();
    await page.goto(`${server.url}/#/welcome`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.getByLabel('Language of the app').waitFor();
    // Something the member is in the middle of: a reload would lose it.
    await page.evaluate(() => {
      (window as unknown as { unsaved: string }).unsaved = 'half-typed';
    });

    appendFileSync(join(root, 'sw.js'), '\n// a new version\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await page.getByText('A new version of Tally is ready.').waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'update prompt');
    expect(await page.evaluate(() => (window as unknown as { unsaved?: string }).unsaved)).toBe('half-typed');

    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.getByRole('button', { name: 'Update now' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { unsaved?: string }).unsaved)).toBeUndefined();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Tally' }).waitFor();
  });
});
