// Steps of going online and watching members arrive, shared by the browser tests that sync over WebRTC.
import type { Page } from 'playwright-core';
import { openSync } from './sync';

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
