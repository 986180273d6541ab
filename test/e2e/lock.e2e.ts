// The app lock on a real browser's storage: nothing of a locked phone's keys
// can be read from IndexedDB, the circle opens only with the passphrase, the
// app locks itself, and the duress passphrase leaves a blank app.
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './lib/axe';
import { createCircle } from './lib/app';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import { setAppLock } from './lib/lock';
import { dumpIndexedDb, utf8Hex } from './lib/storage-dump';

const baseUrl = inject('baseUrl');
const browsers: LaunchedBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

const PASSPHRASE = 'the river remembers';
const DURESS = 'sunflowers at noon';

/** The plain key envelope's bytes (signing seed, box seed, circle secret), as hex, read from the vault. */
async function plainSecretsHex(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tally-vault');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error('no vault'));
    });
    const rows = await new Promise<Array<{ keys: { scheme: string; secrets: Uint8Array } }>>((resolve, reject) => {
      const request = db.transaction('memberships').objectStore('memberships').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ keys: { scheme: string; secrets: Uint8Array } }>);
      request.onerror = () => reject(new Error('no memberships'));
    });
    db.close();
    const keys = rows[0]?.keys;
    if (keys?.scheme !== 'plain') throw new Error(`expected a plain envelope, got ${keys?.scheme}`);
    return Array.from(keys.secrets, (b) => b.toString(16).padStart(2, '0')).join('');
  });
}

/** Every 16-byte run of the secrets: finding any of them in storage would mean a key leaked. */
function windowsOf(hex: string): string[] {
  const windows: string[] = [];
  for (let i = 0; i + 32 <= hex.length; i += 2) windows.push(hex.slice(i, i + 32));
  return windows;
}

const setLock = (page: Page, duress: string | null) => setAppLock(page, baseUrl, PASSPHRASE, duress);

async function unlockWith(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

describe('the app lock', () => {
  test('a locked phone keeps no readable key, opens only with the passphrase, and speaks both languages', async () => {
    const launched = await launchBrowser();
    browsers.push(launched);
    const page = await launched.newPage();
    const errors = collectPageErrors(page);
    await createCircle(page, baseUrl, 'Calle Sol', 'Rosa');
    const secrets = await plainSecretsHex(page);
    const before = await dumpIndexedDb(page);
    expect(windowsOf(secrets).some((window) => before.text.includes(window))).toBe(true);

    // Refused in place: too short, and two passphrases that differ.
    await page.goto(`${baseUrl}/#/settings`);
    await page.getByLabel('New passphrase').fill('short');
    await page.getByLabel('The same passphrase again').fill('short');
    await page.getByRole('button', { name: 'Set the lock' }).click();
    await page.getByText('Use at least 8 characters.').waitFor();
    await page.getByLabel('New passphrase').fill(PASSPHRASE);
    await page.getByLabel('The same passphrase again').fill('the river forgets');
    await page.getByRole('button', { name: 'Set the lock' }).click();
    await page.getByText('The two passphrases are not the same.').waitFor();
    await expectAccessible(page, 'settings, lock refused');

    await setLock(page, null);
    await page.getByText('The lock is on.').waitFor();
    await expectAccessible(page, 'settings, lock on');
    await page.getByRole('button', { name: 'Lock Tally now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tally is locked' }).waitFor();
    await expectAccessible(page, 'lock screen');

    const after = await dumpIndexedDb(page);
    expect(after.text.length).toBeGreaterThan(1000);
    expect(windowsOf(secrets).filter((window) => after.text.includes(window))).toEqual([]);

    await unlockWith(page, 'the river forgets');
    await page.getByText('That passphrase did not open Tally. 4 more tries before a short wait.').waitFor();
    await expectAccessible(page, 'lock screen, wrong passphrase');
    // A reload does not open it either: the key lived in memory only.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tally is locked' }).waitFor();
    await unlockWith(page, PASSPHRASE);
    // Unlocking returns to the screen that was open when the app locked.
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.goto(`${baseUrl}/#/`);
    await page.getByRole('heading', { level: 1, name: 'Calle Sol' }).waitFor();

    await page.goto(`${baseUrl}/#/settings`);
    await page.getByLabel('Language of the app').selectOption('es');
    await page.getByRole('heading', { level: 2, name: 'Bloqueo de la app' }).waitFor();
    await page.getByText('El bloqueo está activado.').waitFor();
    await expectAccessible(page, 'settings, lock on (es)');
    await page.getByRole('button', { name: 'Bloquear Tally ahora' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tally está bloqueada' }).waitFor();
    await page.getByText('¿Olvidaste tu frase de paso?').click();
    await page.getByRole('button', { name: 'Borrar todos los círculos de este teléfono' }).waitFor();
    await expectAccessible(page, 'lock screen (es)');
    await page.getByLabel('Frase de paso').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Desbloquear' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();

    // Turning the lock off asks for the passphrase again.
    await page.getByLabel('Idioma de la app').selectOption('en');
    await page.locator('summary', { hasText: 'Turn off the lock' }).click();
    await page.getByLabel('Current passphrase').fill('not it at all');
    await page.getByRole('button', { name: 'Turn off the lock' }).click();
    await page.getByText('That is not the current passphrase.').waitFor();
    await page.getByLabel('Current passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Turn off the lock' }).click();
    await page.getByText('The lock is off.').waitFor();
    expect(await plainSecretsHex(page)).toBe(secrets);
    expect(errors).toEqual([]);
  });

  test('locks by itself after the chosen minutes, waits after five wrong tries, and the duress passphrase leaves a blank app', async () => {
    const launched = await launchBrowser();
    browsers.push(launched);
    const page = await launched.newPage();
    await page.clock.install();
    await createCircle(page, baseUrl, 'Bloque Nueve', 'Inés Quiroga');
    await setLock(page, DURESS);
    await page.getByText('A duress passphrase is set.').waitFor();

    // Five minutes without use (the default) and the lock screen shows.
    await page.clock.fastForward('05:10');
    await page.getByRole('heading', { level: 1, name: 'Tally is locked' }).waitFor();

    const answers = ['4 more tries', '3 more tries', '2 more tries', '1 more try'];
    for (const [attempt, left] of answers.entries()) {
      await unlockWith(page, `guess number ${attempt}`);
      await page.getByText(`That passphrase did not open Tally. ${left} before a short wait.`).waitFor();
    }
    await unlockWith(page, 'guess number 5');
    await page.getByText(/You can try again in \d+ seconds/).waitFor();
    await expect(page.getByRole('button', { name: 'Unlock' }).isDisabled()).resolves.toBe(true);
    await page.clock.fastForward('00:31');
    await page.getByRole('button', { name: 'Unlock' }).and(page.locator(':enabled')).waitFor();

    const circleId = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('tally-records-'))?.slice('tally-records-'.length));
    expect(circleId).toBeTruthy();
    await unlockWith(page, DURESS);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Tally' }).waitFor();

    const left = await dumpIndexedDb(page);
    expect(left.databases.filter((name) => name !== 'tally-vault')).toEqual([]);
    for (const trace of [circleId!, 'Bloque Nueve', 'Inés Quiroga']) {
      expect(left.text.includes(trace)).toBe(false);
      expect(left.text.includes(utf8Hex(trace))).toBe(false);
    }
    expect(left.text.includes('appLock')).toBe(false);
    // A blank app: creating a circle works as on a new phone, with no lock.
    await createCircle(page, baseUrl, 'Otra Calle', 'Ana');
    await expect(page.getByRole('button', { name: 'Lock Tally now' }).count()).resolves.toBe(0);
  });

  test('roster contacts: asked for a lock first, sealed in records, and nowhere in a locked phone’s storage', async () => {
    const launched = await launchBrowser();
    browsers.push(launched);
    const page = await launched.newPage();
    const errors = collectPageErrors(page);
    await createCircle(page, baseUrl, 'Calle Olmo', 'Rosa');
    await page.getByRole('link', { name: 'Mutual defense' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mutual defense' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Set an app lock first' }).waitFor();
    await expect(page.getByRole('button', { name: 'Save my entry' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'defense, no lock');

    await setLock(page, null);
    await page.goto(`${baseUrl}/#/defense`);
    await page.getByRole('heading', { level: 2, name: 'How you can help' }).waitFor();
    await page.getByLabel('Caller in the phone tree').check();
    await page.getByLabel('Housing host').check();
    await page.getByLabel('People you can take in').fill('2');
    await page.getByLabel('Nights in a row').fill('5');
    await page.getByLabel('Legal').check();
    await page.getByLabel('Languages you speak').fill('Spanish, Tagalog');
    await page.getByLabel('Phone number').fill('call me maybe');
    await page.getByLabel('Address', { exact: true }).fill('Calle del Olmo 4, 2º B');
    await page.getByRole('button', { name: 'Save my entry' }).click();
    await page.getByText('Write a phone number with digits, spaces and + ( ) - . only.').waitFor();
    await expectAccessible(page, 'defense, a bad phone number');
    await page.getByLabel('Phone number').fill('+34 611 22 33 44');
    await page.getByRole('button', { name: 'Save my entry' }).click();
    await page.getByText('Your entry is saved').waitFor();
    await page.getByText('Rosa (you)').waitFor();
    await page.getByRole('link', { name: '+34 611 22 33 44' }).waitFor();
    await page.getByText('hosts up to 2 for 5 nights').waitFor();
    await expectAccessible(page, 'defense, entry saved');

    await page.goto(`${baseUrl}/#/settings`);
    await page.getByLabel('Language of the app').selectOption('es');
    await page.goto(`${baseUrl}/#/defense`);
    await page.getByRole('heading', { level: 1, name: 'Defensa mutua' }).waitFor();
    await page.getByText('Rosa (tú)').waitFor();
    await expectAccessible(page, 'defense (es)');
    await page.getByRole('button', { name: 'Bloquear Tally ahora' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tally está bloqueada' }).waitFor();

    const stored = await dumpIndexedDb(page);
    expect(stored.text.length).toBeGreaterThan(1000);
    // The entry is there: roles are for every member to see.
    expect(stored.text.includes(utf8Hex('Tagalog'))).toBe(true);
    const secrets = ['+34 611 22 33 44', '611 22 33 44', '+34611223344', 'Calle del Olmo', 'Olmo 4'];
    const leaks = secrets.flatMap((secret) => [secret, utf8Hex(secret)]).filter((probe) => stored.text.includes(probe));
    for (const leak of leaks) {
      const at = stored.text.indexOf(leak);
      console.log(`${leak} found in`, stored.text.slice(stored.text.lastIndexOf('\n', at) + 1).split('\n')[0]?.slice(0, 60), stored.text.slice(at - 200, at + 60));
    }
    expect(leaks).toEqual([]);
    expect(errors).toEqual([]);
  });
});
