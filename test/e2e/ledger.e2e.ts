// The cycle on a member's phone: when credits reset, what they hold this cycle,
// how a balance expires at the new moon, and the circle's own credit settings.
// The clock is Playwright's, so the moon and the cycles are where the test says.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible } from './lib/axe';
import { createCircle } from './lib/app';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import { openDemo, openScreen, switchLanguage, useTimeZone } from './lib/ledger';

const baseUrl = inject('baseUrl');
const browsers: LaunchedBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

describe('the credit cycle', () => {
  test('a balance held in the demo circle expires at the new moon', async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await useTimeZone(page, 'Europe/Madrid');
    // The demo's viewer gave 3 h and received 2.5 h in the lunation from 10 Oct to 9 Nov 2026 (07:02 UTC).
    await page.clock.install({ time: new Date('2026-11-08T12:00:00Z') });
    await openDemo(page, baseUrl);

    await page.getByRole('link', { name: 'Your balance this cycle: +0.5 h' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your statement' }).waitFor();
    await expect(page.getByTestId('statement-balance').textContent()).resolves.toBe('+0.5 h');
    const current = page.getByTestId('statement-history').locator('tbody tr').first();
    await expect(current.textContent()).resolves.toContain('10 Oct 2026 – 9 Nov 2026Current');
    await expect(current.locator('td').last().textContent()).resolves.toBe('+0.5 h so far');
    await page.getByText('You received from').first().waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('tally-statement-2026-11-08.csv');
    const csv = readFileSync(await file.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('\uFEFFdate,cycle,provider,receiver,hours,skill,note');
    // Names and skills as people read them; the newest exchange first.
    expect(csv[1]).toMatch(/^2026-11-07T10:28:33\.\d{3}Z,331,Omar Rossi,[^,]+,2,Cooking,/);
    await page.getByText('The statement is saved as tally-statement-2026-11-08.csv.').waitFor();

    // A day after the new moon, the same phone opens the app again.
    await page.clock.setSystemTime(new Date('2026-11-10T12:00:00Z'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your statement' }).waitFor();
    await expect(page.getByTestId('statement-balance').textContent()).resolves.toBe('0 h');
    const ended = page.getByTestId('statement-history').locator('tbody tr').first();
    await expect(ended.textContent()).resolves.toContain('10 Oct 2026 – 9 Nov 2026Ended');
    await expect(ended.locator('td').last().textContent()).resolves.toBe('+0.5 h, expired');
    await expectAccessible(page, 'statement, demo (en)');

    await openScreen(page, baseUrl, '#/', 'Calle Esperanza Commons');
    await page.getByRole('link', { name: 'Your balance this cycle: 0 h' }).waitFor();
    await page.getByRole('link', { name: 'The cycle in numbers' }).click();
    await page.getByRole('heading', { level: 1, name: 'The cycle in numbers' }).waitFor();
    await page.getByLabel('Cycle to show').selectOption({ label: '10 Oct 2026 – 9 Nov 2026' });
    const totals = page.getByTestId('cycle-totals');
    await expect(totals.textContent()).resolves.toMatch(/Active members\d+ of \d+/);
    await page.getByText(/^\d+ more (offered than needed|needed than offered)$/).first().waitFor();
    await page.getByTestId('concentration-flag').waitFor();
    await expectAccessible(page, 'cycle in numbers, demo (en)');

    await switchLanguage(page, baseUrl, 'es');
    await openScreen(page, baseUrl, '#/statement', 'Tu estado de cuenta');
    const endedEs = page.getByTestId('statement-history').locator('tbody tr').first();
    await expect(endedEs.locator('td').last().textContent()).resolves.toBe('+0,5 h, caducado');
    await expectAccessible(page, 'statement, demo (es)');
    await openScreen(page, baseUrl, '#/cycle', 'El ciclo en cifras');
    await expectAccessible(page, 'cycle in numbers, demo (es)');
    expect(errors).toEqual([]);
  });

  test('the cycle card tells when credits reset, and the circle can change when', async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await useTimeZone(page, 'Europe/Madrid');
    // The new moon of December 2026 is on the 9th at 00:52 UTC (USNO): 01:52 in Madrid.
    await page.clock.install({ time: new Date('2026-12-05T12:00:00Z') });
    await createCircle(page, baseUrl, 'Huerto Lunar', 'Rosa');

    await openScreen(page, baseUrl, '#/', 'Huerto Lunar');
    const sentence = page.getByTestId('reset-sentence');
    await expect(sentence.textContent()).resolves.toBe('Credits reset in 4 days, at the new moon on Wed 9 Dec, 01:52');
    await page.getByRole('img', { name: 'Waning crescent moon, 12% lit' }).waitFor();
    await page.getByRole('link', { name: 'Your balance this cycle: 0 h' }).waitFor();
    await expectAccessible(page, 'home with the cycle card (en)');
    await openScreen(page, baseUrl, '#/statement', 'Your statement');
    await page.getByText('You can still receive 10 h this cycle.').waitFor();
    await page.getByText('You have not exchanged any help yet.').waitFor();
    await expectAccessible(page, 'statement (en)');
    await openScreen(page, baseUrl, '#/cycle', 'The cycle in numbers');
    await expectAccessible(page, 'cycle in numbers (en)');
    await openScreen(page, baseUrl, '#/settings', 'Settings');
    await page.getByRole('link', { name: 'Circle settings: credits, limits and skills' }).click();
    await page.getByRole('heading', { level: 1, name: 'Circle settings' }).waitFor();
    await expectAccessible(page, 'circle settings (en)');

    await switchLanguage(page, baseUrl, 'es');
    await openScreen(page, baseUrl, '#/', 'Huerto Lunar');
    await expect(sentence.textContent()).resolves.toBe(
      'Los créditos se reinician dentro de 4 días, con la luna nueva del miércoles 9 de diciembre, 01:52',
    );
    await page.getByRole('img', { name: 'Luna menguante, iluminada al 12\u00a0%' }).waitFor();
    await expectAccessible(page, 'home with the cycle card (es)');
    for (const [hash, heading] of [
      ['#/statement', 'Tu estado de cuenta'],
      ['#/cycle', 'El ciclo en cifras'],
      ['#/circle-settings', 'Ajustes del círculo'],
    ] as const) {
      await openScreen(page, baseUrl, hash, heading);
      await expectAccessible(page, `${hash} (es)`);
    }
    await switchLanguage(page, baseUrl, 'en');

    // An upper limit below zero is refused where it was typed, and nothing is signed.
    await openScreen(page, baseUrl, '#/circle-settings', 'Circle settings');
    const upper = page.getByLabel('Upper limit (0 or above)');
    await upper.fill('-1');
    await page.getByRole('button', { name: 'Save the credit settings' }).click();
    await page.getByText('The upper limit must be zero or above.').waitFor();
    await expect(upper.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByTestId('settings-changed').textContent()).resolves.toBe('Nobody has changed the starting settings yet.');
    await expectAccessible(page, 'circle settings with an error (en)');

    // Credits now reset on the 1st, at midnight of this phone's offset (UTC+01:00 in Madrid's winter).
    await upper.fill('20');
    await page.getByRole('radio', { name: 'On a day of the month' }).check();
    await page.getByLabel('Day of the month (1 to 28)').selectOption('1');
    await expect(page.getByLabel('The circle’s time').inputValue()).resolves.toBe('60');
    await page.getByText('Credits reset at midnight, 1 hour ahead of UTC. That is the time on this phone now.').waitFor();
    await page.getByRole('button', { name: 'Save the credit settings' }).click();
    await page.getByText('The new settings are saved and signed.').waitFor();
    await expect(page.getByTestId('settings-changed').textContent()).resolves.toMatch(/^Last changed by Rosa, /);

    await page.getByLabel('Theme', { exact: true }).fill('The seed moon');
    await page.getByRole('button', { name: 'Save the theme' }).click();
    await page.getByText('The theme “The seed moon” is saved.').waitFor();
    await page.getByLabel('Name of the skill').fill('Bike repair');
    await page.getByLabel('It is essential (food, care, shelter, health or repair)').check();
    await page.getByRole('button', { name: 'Add the skill' }).click();
    await page.getByText('“Bike repair” is now one of the circle’s skills.').waitFor();
    const added = page.getByTestId('skill-list').locator('li').last();
    await expect(added.textContent()).resolves.toBe('Bike repairessentialadded by RosaMark Bike repair as not essential');
    // The circle decides what is essential: a starting skill can be marked too.
    await page.getByRole('button', { name: 'Mark Tutoring as essential' }).click();
    await page.getByText('Tutoring is now marked essential for the whole circle.').waitFor();
    await page.getByRole('button', { name: 'Mark Tutoring as not essential' }).waitFor();

    await openScreen(page, baseUrl, '#/', 'Huerto Lunar');
    await expect(sentence.textContent()).resolves.toBe('Credits reset in 27 days, on Fri 1 Jan, 00:00');
    await page.getByText('Theme: The seed moon').waitFor();
    expect(errors).toEqual([]);
  });
});
