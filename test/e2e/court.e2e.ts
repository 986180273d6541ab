// Court accompaniment across two phones: one posts a hearing for tomorrow
// behind the app lock, it reaches the other by sync over WebRTC inside the
// test's own network namespace, the other signs up for a place, the first
// sees who is going, and the second is reminded on its home screen; then the
// same screens in Spanish.
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './lib/axe';
import { circleOfTwo } from './lib/circle-of-two';
import { setAppLock } from './lib/lock';
import { phoneKit } from './lib/online';

const baseUrl = inject('baseUrl');
const kit = phoneKit('court');
afterAll(() => kit.close());

/** A date-and-time field's value for `days` from today at `time`, in the browser's own time zone. */
function localDateTime(page: Page, days: number, time: string): Promise<string> {
  return page.evaluate(
    ([days, time]) => {
      const day = new Date();
      day.setDate(day.getDate() + Number(days));
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T${time}`;
    },
    [String(days), time] as const,
  );
}

const COURT = 'Juzgado de Primera Instancia nº 4';
const HEARING_TITLE = /^Hearing on .*9:30/;

describe('court accompaniment', () => {
  test('a hearing posted on one phone reaches the other, which signs up; the first sees who goes, the second is reminded at home', { timeout: 240_000 }, async () => {
    const { first: ana, second: kofi } = await circleOfTwo(kit, baseUrl, 'Ana', 'Kofi');

    // Without a lock, the court screen asks for one instead of offering to post.
    await ana.page.goto(`${baseUrl}/#/defense`);
    await ana.page.getByRole('link', { name: 'Court dates' }).click();
    await ana.page.getByRole('heading', { level: 1, name: 'Court dates' }).waitFor();
    await ana.page.getByRole('heading', { level: 2, name: 'Set an app lock to post a hearing' }).waitFor();
    await ana.page.getByText('No hearing is coming up.').waitFor();
    await expectAccessible(ana.page, 'court dates, no lock');

    await setAppLock(ana.page, baseUrl, 'ana keeps the river');
    await ana.page.goto(`${baseUrl}/#/court`);
    await ana.page.locator('summary', { hasText: 'Post a hearing' }).click();
    await ana.page.getByLabel('Date and time of the hearing').fill(await localDateTime(ana.page, -1, '09:30'));
    await ana.page.getByLabel('Court', { exact: true }).fill(COURT);
    await ana.page.getByLabel('Room or place (optional)').fill('Room 4');
    await ana.page.getByLabel('Note (optional)').fill('For Marta: bring the rent receipts');
    await ana.page.getByLabel('Companions').selectOption('2');
    await ana.page.getByRole('button', { name: 'Post the hearing' }).click();
    await ana.page.getByText('That time has passed: choose when the hearing will be.').waitFor();
    await expectAccessible(ana.page, 'post a hearing, time refused');
    await ana.page.getByLabel('Date and time of the hearing').fill(await localDateTime(ana.page, 1, '09:30'));
    await ana.page.getByRole('button', { name: 'Post the hearing' }).click();
    await ana.page.getByText('The hearing is posted.', { exact: false }).waitFor();
    await ana.page.getByRole('heading', { level: 3, name: HEARING_TITLE }).waitFor();
    await ana.page.getByText('Companion: 0 of 2').waitFor();
    await ana.page.getByText('2 places open').waitFor();
    await expectAccessible(ana.page, 'court dates, a hearing posted');

    // Kofi's phone learns of it over the open link; when and where open once Kofi's phone has a lock.
    await setAppLock(kofi.page, baseUrl, 'kofi keeps the hill');
    await kofi.page.goto(`${baseUrl}/#/court`);
    await kofi.page.getByRole('heading', { level: 3, name: HEARING_TITLE }).waitFor({ timeout: 60_000 });
    await kofi.page.getByRole('link', { name: HEARING_TITLE }).click();
    await kofi.page.getByRole('heading', { level: 1, name: HEARING_TITLE }).waitFor();
    await kofi.page.getByText(`${COURT}, Room 4`).waitFor();
    await kofi.page.getByText('For Marta: bring the rent receipts').waitFor();
    await expectAccessible(kofi.page, 'a court date, before signing up');
    await kofi.page.getByRole('button', { name: 'Sign up as companion' }).click();
    await kofi.page.getByText('You are signed up. Thank you.').waitFor();
    await kofi.page.getByText('You are going as companion.').waitFor();
    await kofi.page.getByText('Companion: 1 of 2').waitFor();
    await expect(kofi.page.getByRole('button', { name: 'Cancel this hearing' }).count()).resolves.toBe(0);
    await expectAccessible(kofi.page, 'a court date, signed up');

    await ana.page.getByText('Companion: 1 of 2').waitFor({ timeout: 60_000 });
    await ana.page.getByText('Kofi', { exact: true }).waitFor();
    await ana.page.getByText('1 place open').waitFor();

    await kofi.page.goto(`${baseUrl}/#/`);
    await kofi.page.getByRole('heading', { level: 2, name: 'Coming up in court' }).waitFor();
    await kofi.page.getByText(new RegExp(`^Court (tomorrow|today) at 9:30 AM, ${COURT}, Room 4: you are going as companion\\.$`)).waitFor();
    await expectAccessible(kofi.page, 'home with a court reminder');

    await kofi.page.goto(`${baseUrl}/#/settings`);
    await kofi.page.getByLabel('Language of the app').selectOption('es');
    await kofi.page.goto(`${baseUrl}/#/`);
    await kofi.page.getByRole('heading', { level: 2, name: 'Próximamente en el juzgado' }).waitFor();
    await kofi.page.getByText(new RegExp(`^Juzgado (mañana|hoy) a las 9:30, ${COURT}, Room 4: vas como acompañante\\.$`)).waitFor();
    await expectAccessible(kofi.page, 'home with a court reminder (es)');
    await kofi.page.goto(`${baseUrl}/#/court`);
    await kofi.page.getByRole('heading', { level: 1, name: 'Citas en el juzgado' }).waitFor();
    await kofi.page.getByText('Acompañante: 1 de 2').waitFor();
    await kofi.page.locator('summary', { hasText: 'Publicar una vista' }).click();
    await expectAccessible(kofi.page, 'court dates (es)');
    await kofi.page.getByRole('link', { name: /^Vista el / }).click();
    await kofi.page.getByText('Vas como acompañante.').waitFor();
    await kofi.page.getByRole('button', { name: 'Retirar mi inscripción' }).waitFor();
    await expectAccessible(kofi.page, 'a court date (es)');
    expect(ana.errors).toEqual([]);
    expect(kofi.errors).toEqual([]);
  });
});
