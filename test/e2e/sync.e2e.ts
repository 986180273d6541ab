// Two phones with no network between them: each brings the other what it
// lacks through moving codes (fake cameras), and through a sealed file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './lib/axe';
import { blankCamera, createCircle } from './lib/app';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import { inviteByScanning } from './lib/exchange';
import { catchDownloads, filmMovingCode, lastDownload, openSync } from './lib/sync';

const baseUrl = inject('baseUrl');
const scratch = mkdtempSync(join(process.env['TALLY_E2E_TMPDIR'] ?? tmpdir(), 'sync-'));
const browsers: LaunchedBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

async function twoPhones(name: string) {
  const memberCamera = await blankCamera(scratch, `${name}-member`);
  const newcomerCamera = await blankCamera(scratch, `${name}-newcomer`);
  const a = await launchBrowser({ cameraFile: memberCamera });
  const b = await launchBrowser({ cameraFile: newcomerCamera });
  browsers.push(a, b);
  const member = await a.newPage();
  const newcomer = await b.newPage();
  return { member, memberCamera, newcomer, newcomerCamera, errors: [...collectPageErrors(member), ...collectPageErrors(newcomer)] };
}

async function memberCount(page: Page): Promise<string | null> {
  await page.goto(`${baseUrl}/#/members`);
  await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
  return page.locator('main p').first().textContent();
}

describe('sync with no network', () => {
  test('moving codes carry what each phone lacks, both ways', async () => {
    const phones = await twoPhones('codes');
    const { member, memberCamera, newcomer, newcomerCamera } = phones;
    await createCircle(member, baseUrl, 'Calle Río', 'Ana');
    await inviteByScanning({ baseUrl, member, memberCamera, newcomer, newcomerCamera }, 'Kofi');
    await newcomer.getByRole('heading', { name: 'Almost there' }).waitFor();

    // Kofi starts: his phone shows what it has; Ana's phone answers with what he lacks.
    await openSync(newcomer, baseUrl);
    await expectAccessible(newcomer, 'sync');
    await newcomer.getByRole('button', { name: 'Start: show what this phone has' }).click();
    await filmMovingCode(newcomer, memberCamera, 6);
    await openSync(member, baseUrl);
    await member.getByRole('button', { name: 'Answer: scan another phone’s moving code' }).click();
    await member.getByText('Let the first phone scan this moving code.', { exact: false }).waitFor({ timeout: 60_000 });
    await expectAccessible(member, 'sync: answering');
    const version = await filmMovingCode(member, newcomerCamera, 40);
    expect(version).toBeLessThanOrEqual(15);
    await newcomer.getByRole('button', { name: 'Scan their answer' }).click();
    await newcomer.getByTestId('sync-codes-message').getByText('new entries arrived', { exact: false }).waitFor({ timeout: 90_000 });

    // Kofi's phone now holds the circle: the founder, himself, and the last sync by codes.
    await expect(memberCount(newcomer)).resolves.toBe('2 members');
    await newcomer.goto(`${baseUrl}/#/`);
    await newcomer.getByTestId('sync-indicator').getByText('Synced', { exact: false }).waitFor();

    // Then the other way: Kofi changes his name, Ana starts, Kofi's phone answers.
    await newcomer.goto(`${baseUrl}/#/settings`);
    await newcomer.getByLabel('Your name in this circle').fill('Kofi Mensah');
    await newcomer.getByRole('button', { name: 'Save name' }).click();
    await newcomer.getByText('Your name is now Kofi Mensah.').waitFor();
    await openSync(member, baseUrl);
    await member.getByRole('button', { name: 'Start: show what this phone has' }).click();
    await filmMovingCode(member, newcomerCamera, 6);
    await openSync(newcomer, baseUrl);
    await newcomer.getByRole('button', { name: 'Answer: scan another phone’s moving code' }).click();
    await newcomer.getByText('Let the first phone scan this moving code.', { exact: false }).waitFor({ timeout: 60_000 });
    await filmMovingCode(newcomer, memberCamera, 20);
    await member.getByRole('button', { name: 'Scan their answer' }).click();
    await member.getByTestId('sync-codes-message').getByText('new entries arrived', { exact: false }).waitFor({ timeout: 90_000 });
    await member.goto(`${baseUrl}/#/members`);
    await member.getByRole('link', { name: 'Kofi Mensah' }).waitFor();
    expect(phones.errors).toEqual([]);
  });

  test('a sealed file brings the circle; a foreign or cut file changes nothing', async () => {
    const phones = await twoPhones('file');
    const { member, memberCamera, newcomer, newcomerCamera } = phones;
    await createCircle(member, baseUrl, 'Calle Mar', 'Rosa');
    await inviteByScanning({ baseUrl, member, memberCamera, newcomer, newcomerCamera }, 'Leila');
    await openSync(member, baseUrl);
    await catchDownloads(member);
    await member.getByRole('button', { name: 'Save a sync file' }).click();
    await member.getByTestId('sync-file-message').waitFor();
    const file = await lastDownload(member);

    await openSync(newcomer, baseUrl);
    const input = newcomer.getByTestId('sync-file-input');
    await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });
    await newcomer.getByText('This is not a Tally sync file.').waitFor();
    await input.setInputFiles({ name: 'cut.tallysync', mimeType: 'application/octet-stream', buffer: Buffer.from(file.subarray(0, file.length - 20)) });
    await newcomer.getByText('This is damaged or incomplete.').waitFor();
    await expect(memberCount(newcomer)).resolves.toBe('0 members');

    await openSync(newcomer, baseUrl);
    await newcomer.getByTestId('sync-file-input').setInputFiles({ name: 'circle.tallysync', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
    await newcomer.getByText('The file brought', { exact: false }).waitFor();
    await expect(memberCount(newcomer)).resolves.toBe('2 members');
    expect(phones.errors).toEqual([]);
  });
});
