// Two phones, no network between them: a newcomer joins by two scans through
// real cameras (Chromium's fake camera playing what the other screen shows).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible } from './lib/axe';
import { blankCamera, createCircle, pointCameraAt } from './lib/app';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import type { Page } from 'playwright-core';
import { base45Decode } from '../../src/qr/base45';

const baseUrl = inject('baseUrl');
const scratch = mkdtempSync(join(process.env['TALLY_E2E_TMPDIR'] ?? tmpdir(), 'join-'));
const browsers: LaunchedBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

/** Reads the circle secret out of a phone's key envelope (stored as CBOR [seed, seed, secret]). */
async function circleSecretOf(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('tally-vault');
        open.onerror = () => reject(new Error('no vault'));
        open.onsuccess = () => {
          const request = open.result.transaction('memberships').objectStore('memberships').getAll();
          request.onsuccess = () => {
            const memberships = request.result as { keys: { secrets: Uint8Array } }[];
            const secrets = memberships[0]!.keys.secrets;
            resolve([...secrets.slice(secrets.length - 32)]);
          };
        };
      }),
  );
}

function indexOf(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('joining a circle face to face', () => {
  test('a newcomer joins by scanning codes both ways, and the circle secret never shows', async () => {
    const memberCamera = await blankCamera(scratch, 'member');
    const newcomerCamera = await blankCamera(scratch, 'newcomer');
    const memberBrowser = await launchBrowser({ cameraFile: memberCamera });
    const newcomerBrowser = await launchBrowser({ cameraFile: newcomerCamera });
    browsers.push(memberBrowser, newcomerBrowser);
    const member = await memberBrowser.newPage();
    const newcomer = await newcomerBrowser.newPage();
    const errors = [...collectPageErrors(member), ...collectPageErrors(newcomer)];

    await createCircle(member, baseUrl, 'Calle Luna', 'Rosa');

    // The newcomer shows a join request.
    await newcomer.goto(`${baseUrl}/#/join`);
    await expectAccessible(newcomer, 'join: name');
    await newcomer.getByLabel('Your name').fill('Kofi');
    await newcomer.getByRole('button', { name: 'Show my join request' }).click();
    const newcomerFingerprint = await newcomer.getByTestId('join-fingerprint').textContent();
    await expectAccessible(newcomer, 'join: request code');
    const requestText = await pointCameraAt(newcomer, memberCamera);

    // The member scans it, compares the number, approves.
    await member.goto(`${baseUrl}/#/invite`);
    await member.getByRole('heading', { name: 'Kofi asks to join' }).waitFor({ timeout: 30_000 });
    expect(await member.getByTestId('invite-fingerprint').textContent()).toBe(newcomerFingerprint);
    await expectAccessible(member, 'invite: review');
    await member.getByRole('button', { name: 'Approve Kofi' }).click();
    await member.getByText('Kofi is admitted, and it is saved on this phone.').waitFor();
    await expectAccessible(member, 'invite: welcome code');
    const welcomeText = await pointCameraAt(member, newcomerCamera);
    const admitterFingerprint = await member.getByTestId('admitter-fingerprint').textContent();
    expect(admitterFingerprint).toMatch(/^\d{3} \d{3}$/);

    // The newcomer scans the welcome and is in.
    await newcomer.getByRole('button', { name: 'Scan the welcome code' }).click();
    await newcomer.getByText('You are in “Calle Luna”.', { exact: false }).waitFor({ timeout: 30_000 });
    await newcomer.getByRole('heading', { name: 'Almost there' }).waitFor();
    // The newcomer can check who let them in: the same key number as on the member's screen.
    await newcomer.getByText(`has the key number ${admitterFingerprint}`, { exact: false }).waitFor();
    await expectAccessible(newcomer, 'home: awaiting first sync');

    // The member's phone lists the newcomer, admitted by the member.
    await member.goto(`${baseUrl}/#/members`);
    await member.getByRole('link', { name: 'Kofi' }).waitFor();
    await expect(member.getByText('Admitted by Rosa', { exact: false }).count()).resolves.toBe(1);

    // The circle secret the newcomer now holds appeared in neither code.
    const secret = await circleSecretOf(newcomer);
    expect(secret).toHaveLength(32);
    expect(await circleSecretOf(member)).toEqual(secret);
    for (const shown of [requestText, welcomeText]) {
      const bytes = base45Decode(shown)!;
      for (let i = 0; i + 8 <= secret.length; i++) expect(indexOf(bytes, secret.slice(i, i + 8))).toBe(-1);
    }

    // The same welcome, shown to a new join request on this phone, is refused.
    await newcomer.goto(`${baseUrl}/#/join`);
    await newcomer.getByLabel('Your name').fill('Kofi again');
    await newcomer.getByRole('button', { name: 'Show my join request' }).click();
    await newcomer.getByRole('button', { name: 'Scan the welcome code' }).click();
    await newcomer.getByLabel('Or paste the code text').fill(welcomeText);
    await newcomer.getByRole('button', { name: 'Use this code' }).click();
    await newcomer.getByText('This welcome code was made for someone else’s join request.').waitFor();

    // A join request nobody approved can be dropped and started again.
    await newcomer.getByRole('button', { name: 'Start again with another name' }).click();
    await newcomer.getByLabel('Your name').waitFor();
    await newcomer.reload();
    await newcomer.getByRole('button', { name: 'Show my join request' }).waitFor();

    expect(errors).toEqual([]);
  });
});
