// Housing in a crisis across two phones: Bea pledges to host on the roster,
// Ana asks for a roof and sees Bea listed with her number once unlocked, Bea
// records the stay, and both phones show it and count the crisis buffered.
import { afterAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible } from './lib/axe';
import { circleOfTwo } from './lib/circle-of-two';
import { setAppLock } from './lib/lock';
import { phoneKit } from './lib/online';

const baseUrl = inject('baseUrl');
const kit = phoneKit('housing');
afterAll(() => kit.close());

describe('housing', () => {
  test('a request on one phone meets a pledged host on another, who records the stay; both count the crisis buffered, in English and Spanish', async () => {
    const { first: ana, second: bea } = await circleOfTwo(kit, baseUrl, 'Ana', 'Bea');
    await setAppLock(bea.page, baseUrl, 'bea keeps the door open');
    await setAppLock(ana.page, baseUrl, 'ana keeps the river');

    // Bea pledges to host two people for a week, with a number to call.
    await bea.page.goto(`${baseUrl}/#/defense`);
    await bea.page.getByLabel('Housing host').check();
    await bea.page.getByLabel('People you can take in').fill('2');
    await bea.page.getByLabel('Nights in a row').fill('7');
    await bea.page.getByLabel('Phone number').fill('+34 600 11 22 33');
    await bea.page.getByRole('button', { name: 'Save my entry' }).click();
    await bea.page.getByText('Your entry is saved', { exact: false }).waitFor();

    await ana.page.goto(`${baseUrl}/#/cycle`);
    await expect(ana.page.getByTestId('crises-buffered').textContent()).resolves.toBe('0');

    await ana.page.goto(`${baseUrl}/#/defense`);
    await ana.page.getByRole('link', { name: 'Housing', exact: true }).click();
    await ana.page.getByRole('heading', { level: 1, name: 'Housing' }).waitFor();
    await ana.page.getByText('Nobody is asking for housing now.').waitFor();
    await expectAccessible(ana.page, 'housing, no request');
    await ana.page.locator('summary', { hasText: 'Ask for housing' }).click();
    await ana.page.getByLabel('People who need a place').fill('13');
    await ana.page.getByRole('button', { name: 'Ask the circle' }).click();
    await ana.page.getByText('Give 1 to 12 people.').waitFor();
    await ana.page.getByLabel('People who need a place').fill('1');
    await ana.page.getByLabel('Nights needed').fill('3');
    await ana.page.getByLabel('A note for the hosts (optional, sealed)').fill('Evicted on Friday, two bags only');
    await ana.page.getByRole('button', { name: 'Ask the circle' }).click();
    await ana.page.getByText('Your request is recorded.', { exact: false }).waitFor();
    await ana.page.getByRole('heading', { level: 3, name: 'Ana (you) asks for housing' }).waitFor();
    await ana.page.getByText('1 person, 3 nights, from', { exact: false }).waitFor();
    await ana.page.getByText('Evicted on Friday, two bags only').waitFor();
    // Bea's pledge reaches Ana's phone over the open link; her number opens because Ana's phone is unlocked.
    const call = ana.page.getByRole('link', { name: 'Call Bea' });
    await call.waitFor({ timeout: 60_000 });
    await expect(call.getAttribute('href')).resolves.toBe('tel:+34600112233');
    await expect(ana.page.getByRole('link', { name: 'Text Bea' }).getAttribute('href')).resolves.toBe('sms:+34600112233');
    await expect(ana.page.getByText('I host them').count()).resolves.toBe(0);
    await expectAccessible(ana.page, 'housing, a request with its host');

    await bea.page.goto(`${baseUrl}/#/housing`);
    await bea.page.getByRole('heading', { level: 3, name: 'Ana asks for housing' }).waitFor({ timeout: 60_000 });
    await bea.page.getByText('Evicted on Friday, two bags only').waitFor();
    await expect(bea.page.getByRole('button', { name: 'Housed elsewhere' }).count()).resolves.toBe(0);
    await bea.page.locator('summary', { hasText: 'I host them' }).click();
    await expect(bea.page.getByLabel('People you take in').inputValue()).resolves.toBe('1');
    await expectAccessible(bea.page, 'housing, hosting a request');
    await bea.page.getByRole('button', { name: 'Record the stay' }).click();
    await bea.page.getByText('The stay is recorded. Thank you.').waitFor();
    await bea.page.getByText('Bea hosts 1 person for 3 nights from', { exact: false }).waitFor();
    await bea.page.getByText('The circle has buffered 1 crisis with a stay.').waitFor();

    await ana.page.getByText('Bea hosts 1 person for 3 nights from', { exact: false }).waitFor({ timeout: 60_000 });
    await ana.page.getByText('The circle has buffered 1 crisis with a stay.').waitFor();
    await ana.page.getByText('Housed', { exact: true }).waitFor();
    await expectAccessible(ana.page, 'housing, housed');
    await ana.page.goto(`${baseUrl}/#/cycle`);
    await expect(ana.page.getByTestId('crises-buffered').textContent()).resolves.toBe('1');
    await expectAccessible(ana.page, 'cycle, a crisis buffered');

    await bea.page.goto(`${baseUrl}/#/settings`);
    await bea.page.getByLabel('Language of the app').selectOption('es');
    await bea.page.goto(`${baseUrl}/#/defense`);
    await bea.page.getByRole('link', { name: 'Acogida', exact: true }).click();
    await bea.page.getByRole('heading', { level: 1, name: 'Acogida' }).waitFor();
    await bea.page.getByRole('heading', { level: 3, name: 'Ana pide acogida' }).waitFor();
    await bea.page.getByText('Bea acoge a 1 persona durante 3 noches desde el', { exact: false }).waitFor();
    await bea.page.getByText('El círculo ha amortiguado 1 crisis con una estancia.').waitFor();
    await expectAccessible(bea.page, 'housing (es)');
    await bea.page.goto(`${baseUrl}/#/cycle`);
    await bea.page.getByText('Crisis amortiguadas (estancias de acogida)').waitFor();
    await expect(bea.page.getByTestId('crises-buffered').textContent()).resolves.toBe('1');
    await expectAccessible(bea.page, 'cycle (es)');
    expect(ana.errors).toEqual([]);
    expect(bea.errors).toEqual([]);
  });
});
