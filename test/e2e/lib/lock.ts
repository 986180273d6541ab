// Setting the app lock from Settings, shared by the browser tests.
import type { Page } from 'playwright-core';

export async function setAppLock(page: Page, baseUrl: string, passphrase: string, duress: string | null = null): Promise<void> {
  await page.goto(`${baseUrl}/#/settings`);
  await page.getByRole('heading', { level: 2, name: 'App lock' }).waitFor();
  await page.getByLabel('New passphrase').fill(passphrase);
  await page.getByLabel('The same passphrase again').fill(passphrase);
  if (duress !== null) {
    await page.getByLabel('Also set a duress passphrase').check();
    await page.getByLabel('Duress passphrase', { exact: true }).fill(duress);
  }
  await page.getByRole('button', { name: 'Set the lock' }).click();
  await page.getByText('The lock is set.').waitFor();
}
