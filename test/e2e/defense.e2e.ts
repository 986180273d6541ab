// Rapid response across two phones: one raises an alert, it spreads by sync
// over WebRTC inside the test's own network namespace, the other hears it and
// says so, and the first sees everyone reached; the solidarity agreement is
// proposed, signed on both phones, and revised.
import { afterAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible } from './lib/axe';
import { circleOfTwo } from './lib/circle-of-two';
import { setAppLock } from './lib/lock';
import { phoneKit } from './lib/online';

const baseUrl = inject('baseUrl');
const kit = phoneKit('defense');
afterAll(() => kit.close());

describe('mutual defense', () => {
  test('an alert raised on one phone reaches another by sync and is heard there; both sign the agreement, and a new version asks again; the fund takes money and a request', async () => {
    const { first: ana, second: kofi } = await circleOfTwo(kit, baseUrl, 'Ana', 'Kofi');
    await setAppLock(ana.page, baseUrl, 'ana keeps the river');
    await setAppLock(kofi.page, baseUrl, 'kofi keeps the hill');

    await ana.page.goto(`${baseUrl}/#/defense`);
    await ana.page.getByText('No alert is open.').waitFor();
    await ana.page.locator('summary', { hasText: 'Raise an alert' }).click();
    await ana.page.getByLabel('What is happening').selectOption('eviction');
    await ana.page.getByRole('button', { name: 'Raise the alert' }).click();
    await ana.page.getByText('Write a message of at most 500 characters.').waitFor();
    await ana.page.getByLabel('Message').fill('Bailiffs at number 3, come now');
    await ana.page.getByLabel('Where (optional)').fill('Calle Sol 3');
    await ana.page.getByRole('button', { name: 'Raise the alert' }).click();
    await ana.page.getByText('The alert is raised.', { exact: false }).waitFor();
    await ana.page.getByRole('heading', { level: 3, name: 'Eviction alert' }).waitFor();
    await ana.page.getByText('Reached 0 of 1.').waitFor();
    await expectAccessible(ana.page, 'defense, alert raised');

    // Kofi's phone learns of it over the open link; its details open because Kofi's phone is unlocked.
    await kofi.page.goto(`${baseUrl}/#/defense`);
    await kofi.page.getByRole('heading', { level: 3, name: 'Eviction alert' }).waitFor({ timeout: 60_000 });
    await kofi.page.getByText('Bailiffs at number 3, come now').waitFor();
    await kofi.page.getByText('Raised by Ana', { exact: false }).waitFor();
    await expectAccessible(kofi.page, 'defense, alert received');
    await kofi.page.getByRole('button', { name: 'I heard' }).click();
    await kofi.page.getByText('You are marked as reached.').waitFor();
    await kofi.page.getByText('Reached 1 of 1.').waitFor();

    await ana.page.getByText('Reached 1 of 1.').waitFor({ timeout: 60_000 });
    await ana.page.getByText(/90% reached in \d+ min\./).waitFor();

    // The solidarity agreement: Ana proposes the starting draft and signs, Kofi signs after sync,
    // then a new version asks Kofi to sign again.
    await ana.page.goto(`${baseUrl}/#/defense`);
    await ana.page.getByRole('link', { name: 'The solidarity agreement' }).click();
    await ana.page.getByRole('heading', { level: 1, name: 'Solidarity agreement' }).waitFor();
    await expect(ana.page.getByLabel('Text of the agreement').inputValue()).resolves.toContain('Our solidarity agreement');
    await expectAccessible(ana.page, 'agreement, none yet');
    await ana.page.getByRole('button', { name: 'Propose this text' }).click();
    await ana.page.getByText('Your version is saved.', { exact: false }).waitFor();
    await ana.page.getByRole('button', { name: 'Sign this version' }).click();
    await ana.page.getByText('You signed this version.').waitFor();
    await kofi.page.goto(`${baseUrl}/#/agreement`);
    await kofi.page.getByText('Signed by 1 of 2 members.').waitFor({ timeout: 60_000 });
    await kofi.page.getByRole('button', { name: 'Sign this version' }).click();
    await kofi.page.getByText('Signed by 2 of 2 members.').waitFor();
    await expectAccessible(kofi.page, 'agreement, signed');
    await ana.page.getByText('Signed by 2 of 2 members.').waitFor({ timeout: 60_000 });
    await ana.page.locator('summary', { hasText: 'Propose a new version' }).click();
    const text = await ana.page.getByLabel('Text of the agreement').inputValue();
    await ana.page.getByLabel('Text of the agreement').fill(`${text}\nWe meet on the first Sunday of each cycle.`);
    await ana.page.getByRole('button', { name: 'Propose this text' }).click();
    await ana.page.getByText('Signed by 0 of 2 members.').waitFor();
    await kofi.page.getByText('The text changed since you signed: please read it and sign again.').waitFor({ timeout: 60_000 });
    await kofi.page.getByText('We meet on the first Sunday of each cycle.', { exact: false }).waitFor();

    // The emergency fund: money paid in, a request from Kofi, Ana's approval (one of the two it needs).
    await ana.page.goto(`${baseUrl}/#/defense`);
    await ana.page.getByRole('link', { name: 'The emergency fund' }).click();
    await ana.page.getByRole('heading', { level: 1, name: 'Emergency fund' }).waitFor();
    await ana.page.locator('summary', { hasText: 'Give to the fund' }).click();
    await ana.page.getByLabel('Amount to give').fill('twenty');
    await ana.page.getByRole('button', { name: 'Record money paid in' }).click();
    await ana.page.getByText('Write an amount above 0 and at most 100,000, with at most two decimals.').waitFor();
    await ana.page.getByLabel('Amount to give').fill('20.50');
    await ana.page.getByRole('button', { name: 'Record money paid in' }).click();
    await ana.page.getByText('In the fund: 20.50').waitFor();
    await expectAccessible(ana.page, 'fund, money paid in');
    await kofi.page.goto(`${baseUrl}/#/fund`);
    await kofi.page.locator('summary', { hasText: 'Ask for support' }).click();
    await kofi.page.getByLabel('Amount you need').fill('15');
    await kofi.page.getByLabel('What it is for').selectOption('legal');
    await kofi.page.getByRole('button', { name: 'Send the request' }).click();
    await kofi.page.getByText('Kofi asks for 15.00 (Legal costs).').waitFor();
    await expect(kofi.page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    await ana.page.getByText('Kofi asks for 15.00 (Legal costs).').waitFor({ timeout: 60_000 });
    await ana.page.getByRole('button', { name: 'Approve' }).click();
    await ana.page.getByText('Approvals: 1 of 2.').waitFor();
    await expectAccessible(ana.page, 'fund, a request approved');

    await kofi.page.goto(`${baseUrl}/#/settings`);
    await kofi.page.getByLabel('Language of the app').selectOption('es');
    await kofi.page.goto(`${baseUrl}/#/defense`);
    await kofi.page.getByRole('heading', { level: 3, name: 'Alerta: Desahucio' }).waitFor();
    await kofi.page.getByText('Avisados 1 de 1.').waitFor();
    await expectAccessible(kofi.page, 'defense (es)');
    await kofi.page.goto(`${baseUrl}/#/agreement`);
    await kofi.page.getByRole('button', { name: 'Firmar esta versión' }).waitFor();
    await expectAccessible(kofi.page, 'agreement (es)');
    await kofi.page.goto(`${baseUrl}/#/fund`);
    await kofi.page.getByText('Kofi pide 15,00 (Gastos legales).').waitFor();
    await expectAccessible(kofi.page, 'fund (es)');
    expect(ana.errors).toEqual([]);
    expect(kofi.errors).toEqual([]);
  });
});
