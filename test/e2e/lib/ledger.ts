// Steps the ledger browser tests share: the demo circle, the phone's time zone, screens and language.
import type { Page } from 'playwright-core';

export const DEMO_CIRCLE = 'Calle Esperanza Commons';

export async function openDemo(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/welcome`);
  await page.getByRole('button', { name: 'Explore a demo circle' }).click();
  await page.getByRole('heading', { level: 1, name: DEMO_CIRCLE }).waitFor({ timeout: 60_000 });
}

/** The phone's time zone, as a member abroad would have it; lasts for the page's life, reloads included. */
export async function useTimeZone(page: Page, timezoneId: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setTimezoneOverride', { timezoneId });
}

/** Opens a screen by its address and waits for its heading. */
export async function openScreen(page: Page, baseUrl: string, hash: string, heading: string): Promise<void> {
  await page.goto(`${baseUrl}/${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Switches the app's language from the settings screen, labelled in the language it is in now. */
export async function switchLanguage(page: Page, baseUrl: string, to: 'en' | 'es'): Promise<void> {
  const from = to === 'es' ? { heading: 'Settings', label: 'Language of the app' } : { heading: 'Ajustes', label: 'Idioma de la app' };
  await openScreen(page, baseUrl, '#/settings', from.heading);
  await page.getByLabel(from.label).selectOption(to);
  await page.getByRole('heading', { level: 1, name: to === 'es' ? 'Ajustes' : 'Settings' }).waitFor();
}
