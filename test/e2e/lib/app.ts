// Steps a member takes in the app, shared by the browser tests.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pngToRgba, writeY4m } from './fake-camera';

export async function createCircle(page: Page, baseUrl: string, circleName: string, displayName: string): Promise<void> {
  await page.goto(`${baseUrl}/#/create`);
  await page.getByLabel('Name of the circle').fill(circleName);
  await page.getByLabel('Your name in the circle').fill(displayName);
  await page.getByRole('button', { name: 'Create the circle' }).click();
  await page.getByText(`“${circleName}” is saved on this phone.`).waitFor();
}

/** A white frame, so that a browser can be launched with a camera before there is a code to show it. */
export async function blankCamera(dir: string, name: string): Promise<string> {
  const path = join(dir, `${name}.y4m`);
  await writeY4m(path, [{ width: 64, height: 64, rgba: new Uint8Array(64 * 64 * 4).fill(255) }]);
  return path;
}

/**
 * Photographs the code one page shows, as a screenshot of the element on its
 * screen, and makes it what the other browser's camera sees.
 */
export async function pointCameraAt(page: Page, cameraFile: string): Promise<string> {
  const code = page.locator('[data-code-text]').first();
  await code.waitFor();
  const text = await code.getAttribute('data-code-text');
  const png = await code.locator('svg').screenshot();
  await writeY4m(cameraFile, [pngToRgba(png)]);
  return text ?? '';
}
