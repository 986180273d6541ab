// A member's own phone: founding a circle, every screen in both languages and
// accessible, and a saved record that survives the browser being killed.
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './lib/axe';
import { createCircle } from './lib/app';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';

const baseUrl = inject('baseUrl');
const browsers: LaunchedBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

async function visit(page: Page, hash: string, heading: string): Promise<void> {
  await page.goto(`${baseUrl}/${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('a circle on one phone', () => {
  test('a saved circle survives the browser being killed right after "saved"', async () => {
    const first = await launchBrowser();
    browsers.push(first);
    const page = await first.newPage();
    await createCircle(page, baseUrl, 'Bloque 7', 'Inés');
    await first.kill();

    const again = await launchBrowser({ profileDir: first.profileDir });
    browsers.push(again);
    const reopened = await again.newPage();
    await reopened.goto(`${baseUrl}/#/`);
    await reopened.getByRole('heading', { level: 1, name: 'Bloque 7' }).waitFor();
    await reopened.getByText('You are Inés.').waitFor();
    await expect(reopened.getByTestId('record-count').textContent()).resolves.toBe('1 record saved on this phone.');
  });

  test('every screen passes axe and speaks English and Spanish', async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.newPage();
    const errors = collectPageErrors(page);

    await visit(page, '#/welcome', 'Welcome to Tally');
    await expectAccessible(page, 'start');
    await visit(page, '#/create', 'Create a circle');
    await expectAccessible(page, 'create');
    // A bad name is answered in place, and nothing is created.
    await page.getByLabel('Name of the circle').fill('   ');
    await page.getByLabel('Your name in the circle').fill('Ana');
    await page.getByRole('button', { name: 'Create the circle' }).click();
    await page.getByText('Please write a name.').waitFor();
    await expectAccessible(page, 'create with an error');

    await createCircle(page, baseUrl, 'Patio Común', 'Ana');
    const english: ReadonlyArray<readonly [string, string]> = [
      ['#/', 'Patio Común'],
      ['#/members', 'Members'],
      ['#/me', 'My code'],
      ['#/invite', 'Invite a neighbour'],
      ['#/settings', 'Settings'],
      ['#/diagnostics', 'Records not counted'],
      ['#/nowhere', 'Nothing here'],
    ];
    for (const [hash, heading] of english) {
      await visit(page, hash, heading);
      await expectAccessible(page, `${hash} (en)`);
    }
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('link', { name: 'Ana (you)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana' }).waitFor();
    await expectAccessible(page, 'member (en)');

    await visit(page, '#/settings', 'Settings');
    await page.getByLabel('Language of the app').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const spanish: ReadonlyArray<readonly [string, string, string]> = [
      ['#/', 'Patio Común', 'Invitar a un vecino'],
      ['#/members', 'Miembros', 'Buscar a un miembro'],
      ['#/me', 'Mi código', 'Copiar el texto del código'],
      ['#/invite', 'Invitar a un vecino', 'O pega el texto del código'],
      ['#/settings', 'Ajustes', 'Idioma de la app'],
      ['#/diagnostics', 'Registros que no cuentan', 'Registros válidos'],
      ['#/welcome', 'Te damos la bienvenida a Tally', 'Crear un círculo'],
      ['#/create', 'Crear un círculo', 'Nombre del círculo'],
      ['#/join', 'Unirme a un círculo', 'Mostrar mi solicitud'],
    ];
    for (const [hash, heading, text] of spanish) {
      await visit(page, hash, heading);
      await page.getByText(text, { exact: true }).first().waitFor();
      await expectAccessible(page, `${hash} (es)`);
    }
    // The choice is kept across a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Unirme a un círculo' }).waitFor();

    // A name change is a new signed record, shown at once.
    await page.getByLabel('Idioma de la app').waitFor({ state: 'detached' }).catch(() => undefined);
    await visit(page, '#/settings', 'Ajustes');
    await page.getByLabel('Tu nombre en este círculo').fill('Ana María');
    await page.getByRole('button', { name: 'Guardar nombre' }).click();
    await page.getByText('Ahora tu nombre es Ana María.').waitFor();
    await visit(page, '#/', 'Patio Común');
    await page.getByText('Eres Ana María.').waitFor();
    await expect(page.getByTestId('record-count').textContent()).resolves.toBe('2 registros guardados en este teléfono.');

    expect(errors).toEqual([]);
  });

  test('codes from elsewhere are answered with a clear message and change nothing', async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.newPage();
    await createCircle(page, baseUrl, 'Plaza', 'Olga');
    await visit(page, '#/invite', 'Invite a neighbour');
    const paste = async (text: string, message: string): Promise<void> => {
      await page.getByLabel('Or paste the code text').fill(text);
      await page.getByRole('button', { name: 'Use this code' }).click();
      await page.getByText(message).waitFor();
    };
    await paste('https://example.org/not-tally', 'This is not a Tally code.');
    await paste('WIFI:S:home;T:WPA;P:secret;;', 'This is not a Tally code.');
    // A real code of the wrong kind: this phone's own identity code.
    await visit(page, '#/me', 'My code');
    const identity = (await page.locator('[data-code-text]').getAttribute('data-code-text'))!;
    await visit(page, '#/invite', 'Invite a neighbour');
    await paste(identity, 'This is a Tally code, but not the kind this step needs.');
    await paste(identity.slice(0, identity.length - 9), 'This code is damaged or incomplete. Try scanning it again.');
    await expectAccessible(page, 'invite with a refused code');
    await visit(page, '#/', 'Plaza');
    await expect(page.getByTestId('record-count').textContent()).resolves.toBe('1 record saved on this phone.');
  });
});
