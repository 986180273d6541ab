// Two phones and no network: a tool is handed over by two scans, the holder's
// offer into the receiver's camera and the receipt back into the holder's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './lib/axe';
import { blankCamera, createCircle } from './lib/app';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import { alterSignedContent, carryRecords, coverCamera, inviteByScanning, pasteCode, reopenCamera, shownCodeText, showCodeTo, validRecordCount } from './lib/exchange';
import { openDemo, switchLanguage } from './lib/ledger';
import { PNG } from 'pngjs';

const baseUrl = inject('baseUrl');
const scratch = mkdtempSync(join(process.env['TALLY_E2E_TMPDIR'] ?? tmpdir(), 'tools-'));
const browsers: LaunchedBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

async function choosePhoto(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Choose (a|another) photo$/ }).click();
  await (await chooser).setFiles(file);
}

/** A picture full of noise, which compresses badly: the thumbnail has to step down to fit. */
function noisyPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  let seed = 7;
  for (let i = 0; i < png.data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    png.data[i] = i % 4 === 3 ? 255 : seed >> 23;
  }
  return PNG.sync.write(png);
}

async function holderShown(page: Page): Promise<string> {
  const holder = page.getByTestId('tool-holder');
  await holder.waitFor({ timeout: 30_000 });
  return (await holder.textContent()) ?? '';
}

describe('handing a tool over face to face', () => {
  test('the holder shows a code, the receiver checks and countersigns, the holder scans the receipt: both show the new holder', { timeout: 300_000 }, async () => {
    const anaCamera = await blankCamera(scratch, 'ana');
    const luisCamera = await blankCamera(scratch, 'luis');
    const anaBrowser = await launchBrowser({ cameraFile: anaCamera });
    const luisBrowser = await launchBrowser({ cameraFile: luisCamera });
    browsers.push(anaBrowser, luisBrowser);
    const ana = await anaBrowser.newPage();
    const luis = await luisBrowser.newPage();
    const errors = [...collectPageErrors(ana), ...collectPageErrors(luis)];

    await createCircle(ana, baseUrl, 'Calle Sol', 'Ana');
    await inviteByScanning({ baseUrl, member: ana, memberCamera: anaCamera, newcomer: luis, newcomerCamera: luisCamera }, 'Luis');

    // Ana adds her drill to the library; a bad loan period is answered in place.
    await ana.goto(`${baseUrl}/#/tools`);
    await ana.getByRole('heading', { level: 1, name: 'Tool library' }).waitFor();
    await expectAccessible(ana, 'tool library, empty');
    await ana.getByRole('link', { name: 'Add a tool' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Add a tool' }).waitFor();
    await ana.getByLabel('Name', { exact: true }).fill('Cordless drill');
    await ana.getByLabel('Category').selectOption({ label: 'Power tools' });
    await ana.getByLabel('Accessories checklist, one per line').fill('Case\nCharger\nTwo bits');
    // A file that only pretends to be a photo is refused; a large noisy picture becomes a small thumbnail.
    await choosePhoto(ana, { name: 'drill.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4 not a picture at all') });
    await ana.getByText('That file is not a photo. Choose a JPEG, PNG or WebP picture.').waitFor();
    await choosePhoto(ana, { name: 'drill.png', mimeType: 'image/png', buffer: noisyPng(1600, 1200) });
    await ana.getByRole('img', { name: 'Preview of the photo' }).waitFor({ timeout: 30_000 });
    await ana.getByLabel('Loan period in days').fill('0');
    await ana.getByRole('button', { name: 'Add the tool' }).click();
    await ana.getByText('The loan period must be from 1 to 365 days.').waitFor();
    await expectAccessible(ana, 'add a tool, with an error');
    await ana.getByLabel('Loan period in days').fill('7');
    await ana.getByRole('button', { name: 'Add the tool' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Cordless drill' }).waitFor();
    expect(await holderShown(ana)).toContain('you');
    await expect(ana.getByTestId('tool-status').textContent()).resolves.toBe('Available');
    const photo = ana.getByRole('img', { name: 'Photo of Cordless drill' });
    await photo.waitFor();
    const shown = await photo.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const bytes = (await (await fetch(img.src)).arrayBuffer()).byteLength;
      return { width: img.naturalWidth, height: img.naturalHeight, bytes };
    });
    expect(Math.max(shown.width, shown.height)).toBeLessThanOrEqual(320);
    expect(shown.width).toBeGreaterThan(0);
    expect(shown.bytes).toBeLessThanOrEqual(30 * 1024);
    await expectAccessible(ana, 'tool page');
    const toolUrl = ana.url();

    // Luis's phone learns of the tool as a sync would bring it.
    await carryRecords(ana, luis);
    const luisRecords = await validRecordCount(luis, baseUrl);

    // Ana shows the handoff code; an altered copy of it is refused and stores nothing.
    await ana.goto(toolUrl);
    await ana.getByRole('button', { name: 'Hand over' }).click();
    const offer = await shownCodeText(ana);
    await expectAccessible(ana, 'handoff code');
    await luis.goto(`${baseUrl}/#/scan`);
    await pasteCode(luis, alterSignedContent(offer));
    await luis.getByText('This handoff code cannot be read. Ask the holder to show it again.').waitFor();
    await expect(validRecordCount(luis, baseUrl)).resolves.toBe(luisRecords);

    // Luis scans it with his camera on the Scan tab: the tool's page opens with the checklist.
    await showCodeTo(ana, luisCamera);
    await luis.goto(`${baseUrl}/#/scan`);
    await reopenCamera(luis);
    await luis.getByRole('heading', { name: 'Check the tool before you countersign' }).waitFor({ timeout: 30_000 });
    await luis.getByText('Ana hands you Cordless drill.').waitFor();
    await expectAccessible(luis, 'handoff review');
    await luis.getByRole('checkbox', { name: 'Charger' }).uncheck();
    await luis.getByRole('radio', { name: 'Worn' }).check();
    await luis.getByText('Something is missing or damaged: the caretakers will see this handoff.').waitFor();
    await luis.getByRole('button', { name: 'Countersign and take it' }).click();
    await luis.getByRole('heading', { name: 'Show this receipt to Ana' }).waitFor();
    await expectAccessible(luis, 'handoff receipt');
    await coverCamera(luisCamera);

    // Ana scans the receipt on her Scan tab: her phone moves the tool too.
    await showCodeTo(luis, anaCamera);
    await ana.goto(`${baseUrl}/#/scan`);
    await reopenCamera(ana);
    await ana.getByRole('heading', { level: 1, name: 'Cordless drill' }).waitFor({ timeout: 30_000 });
    expect(await holderShown(ana)).toContain('Luis');
    await expect(ana.getByTestId('tool-status').textContent()).resolves.toBe('On loan');
    await expect(ana.getByTestId('tool-custody').textContent()).resolves.toContain('Ana → Luis');
    await expect(ana.getByTestId('tool-custody').textContent()).resolves.toContain('something missing');
    await coverCamera(anaCamera);

    // Luis's phone shows him as the holder, after a reload too.
    await luis.goto(toolUrl);
    await reopenCamera(luis);
    expect(await holderShown(luis)).toContain('you');
    await expect(luis.getByTestId('tool-standing').textContent()).resolves.toContain('held 0 days, 0 waiting');
    await expect(validRecordCount(luis, baseUrl)).resolves.toBe(luisRecords + 1);
    await expect(validRecordCount(ana, baseUrl)).resolves.toBe(luisRecords + 1);

    // The old offer again, after the handoff: nothing new is stored, the receipt shows again.
    await luis.goto(`${baseUrl}/#/scan`);
    await pasteCode(luis, offer);
    await luis.getByText('You already took it with this code. Here is the receipt again.').waitFor({ timeout: 30_000 });
    await expect(validRecordCount(luis, baseUrl)).resolves.toBe(luisRecords + 1);

    // Ana names an area and volunteers as a caretaker; a printed blank label is claimed for a tool.
    await ana.goto(`${baseUrl}/#/areas`);
    await ana.getByRole('heading', { level: 1, name: 'Where the tools are' }).waitFor();
    await ana.getByLabel('Name a new area').fill('Riverside');
    await ana.getByRole('button', { name: 'Add the area' }).click();
    await ana.getByText('Riverside', { exact: true }).first().waitFor();
    await ana.getByLabel('Name a new area').fill('riverside');
    await ana.getByRole('button', { name: 'Add the area' }).click();
    await ana.getByText('An area with that name exists already.').waitFor();
    await expectAccessible(ana, 'areas');
    await ana.goto(`${baseUrl}/#/caretakers`);
    await ana.getByRole('heading', { level: 1, name: 'Caretakers' }).waitFor();
    await ana.getByRole('button', { name: 'Volunteer as a caretaker' }).click();
    await ana.getByText('You are a volunteer. Thank you.').waitFor();
    await expectAccessible(ana, 'caretakers');
    await ana.goto(`${baseUrl}/#/tool-new`);
    await ana.getByLabel('Name', { exact: true }).fill('Hedge trimmer');
    await ana.getByRole('button', { name: 'Add the tool' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Hedge trimmer' }).waitFor();
    const label = 'AAECAwQFBgcICQoLDA0ODw';
    await ana.goto(`${baseUrl}/#/label/${label}`);
    await ana.getByText('This label is not on any tool yet. Stick it on a tool and claim it.').waitFor();
    await expectAccessible(ana, 'a blank label');
    await ana.getByRole('button', { name: 'Claim the label' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Hedge trimmer' }).waitFor();
    await ana.goto(`${baseUrl}/#/label/${label}`);
    await ana.getByText('This label belongs to Hedge trimmer.').waitFor();

    // The tool's page and the library in Spanish.
    await switchLanguage(luis, baseUrl, 'es');
    await luis.goto(toolUrl);
    await luis.getByRole('heading', { level: 1, name: 'Cordless drill' }).waitFor();
    await luis.getByText('Registro de mantenimiento').waitFor();
    await expectAccessible(luis, 'tool page in Spanish');
    await luis.goto(`${baseUrl}/#/tools`);
    await luis.getByRole('heading', { level: 1, name: 'Biblioteca de herramientas' }).waitFor();
    await expectAccessible(luis, 'tool library in Spanish');
    expect(errors).toEqual([]);
  });

  test('the demo circle’s library: browse, search and filter, a conflict, the areas and the caretakers, in both languages', { timeout: 240_000 }, async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await openDemo(page, baseUrl);
    await page.goto(`${baseUrl}/#/tools`);
    await page.getByRole('heading', { level: 1, name: 'Tool library' }).waitFor();
    const count = page.getByText(/^\d+ of 300 tools$/);
    await count.waitFor({ timeout: 30_000 });
    const all = Number(((await count.textContent()) ?? '').split(' ')[0]);
    expect(all).toBeGreaterThan(250);
    await expect(page.getByTestId('tool-results').locator('li').count()).resolves.toBe(40);
    await page.getByRole('button', { name: 'Show 40 more' }).click();
    await expect(page.getByTestId('tool-results').locator('li').count()).resolves.toBe(80);
    await expectAccessible(page, 'demo tool library');

    await page.getByRole('checkbox', { name: 'Available now' }).check();
    const available = page.getByTestId('tool-results').locator('.tool-status');
    await page.waitForFunction((before) => !document.body.textContent?.includes(`${before} of 300 tools`), all);
    for (const status of await available.allTextContents()) expect(status).toBe('Available');
    await page.getByRole('checkbox', { name: 'Available now' }).uncheck();
    await page.waitForFunction((before) => document.body.textContent?.includes(`${before} of 300 tools`), all);
    await page.getByLabel('Category').selectOption({ label: 'Ladders' });
    await page.waitForFunction((before) => !document.body.textContent?.includes(`${before} of 300 tools`), all);
    const kinds = await page.getByTestId('tool-results').locator('.tool-card-text .muted').first().textContent();
    expect(kinds).toContain('Ladders');
    await page.getByLabel('Category').selectOption({ label: 'Any' });
    await page.getByLabel('Search tools').fill('drill');
    // The search reads names, accessories and care notes.
    await page.waitForFunction((before) => !document.body.textContent?.includes(`${before} of 300 tools`), all);
    const found = await page.getByTestId('tool-results').locator('.tool-card-name').allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(all);
    expect(found.some((name) => name.toLowerCase().includes('drill'))).toBe(true);
    await page.getByLabel('Search tools').fill('');

    // A tool handed out twice from the same holder, shown with both records kept.
    await page.getByTestId('tool-conflicts').getByRole('link').first().click();
    await page.getByTestId('tool-conflict').waitFor();
    await expect(page.getByTestId('tool-custody').locator('li').count()).resolves.toBeGreaterThan(1);
    await expectAccessible(page, 'a tool with a conflict');

    await page.goto(`${baseUrl}/#/areas`);
    await page.getByRole('img', { name: 'Loans between areas this cycle' }).waitFor();
    await expect(page.locator('.area-list li').count()).resolves.toBeGreaterThanOrEqual(7);
    await expectAccessible(page, 'demo areas');
    await page.goto(`${baseUrl}/#/caretakers`);
    await page.getByRole('heading', { level: 1, name: 'Caretakers' }).waitFor();
    await expectAccessible(page, 'demo caretakers');

    await switchLanguage(page, baseUrl, 'es');
    await page.goto(`${baseUrl}/#/tools`);
    await page.getByRole('heading', { level: 1, name: 'Biblioteca de herramientas' }).waitFor();
    await page.getByText(/^\d+ de 300 herramientas$/).waitFor();
    await expectAccessible(page, 'demo tool library in Spanish');
    await page.goto(`${baseUrl}/#/areas`);
    await page.getByRole('heading', { level: 1, name: 'Dónde están las herramientas' }).waitFor();
    await expectAccessible(page, 'demo areas in Spanish');
    await page.goto(`${baseUrl}/#/caretakers`);
    await page.getByRole('heading', { level: 1, name: 'Cuidadores' }).waitFor();
    await expectAccessible(page, 'demo caretakers in Spanish');
    expect(errors).toEqual([]);
  });
});
