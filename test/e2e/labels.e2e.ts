// Printable label sheets on one phone: blank labels on A4 and US Letter, what
// the printer gets (only the sheet, at the paper's size), codes that a camera
// reads back as this app's label links, a new sheet with new ids, a tool's
// stickers, and the screen accessible in English and Spanish.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './lib/axe';
import { createCircle } from './lib/app';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import { decodeLabel, labels, pageSizeRules, prepareDecoder, printToPdf, printedFragments } from './lib/labels';

const baseUrl = inject('baseUrl');
const appBase = `${baseUrl}/`;
const browsers: LaunchedBrowser[] = [];
beforeAll(() => prepareDecoder());
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

const LABEL_LINK = new RegExp(`^${appBase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#/label/([A-Za-z0-9_-]{22})$`);
/** A tool's id as the router takes it: 43 base64url characters, canonical. */
const TOOL_ID = 'dGhlIGNvbW1vbnMgY2hhaW5zYXcsIDMyIGJ5dGVzISE';

/** Decodes the labels at these positions, checks each is a label link whose id matches its caption, and returns the ids. */
async function readBlankLabels(page: Page, positions: readonly number[]): Promise<string[]> {
  await expect(page.evaluate(() => devicePixelRatio)).resolves.toBe(3);
  const fragments = await printedFragments(page);
  const ids: string[] = [];
  for (const position of positions) {
    const text = await decodeLabel(labels(page).nth(position));
    const id = LABEL_LINK.exec(text)?.[1];
    expect(id, `label ${position} reads ${text}`).toBeDefined();
    expect(id!.startsWith(fragments[position]!), `label ${position}: ${id} under caption ${fragments[position]}`).toBe(true);
    ids.push(id!);
  }
  return ids;
}

async function choosePaper(page: Page, paper: 'A4' | 'US Letter', count: number): Promise<void> {
  await page.getByRole('radio', { name: paper, exact: true }).check();
  await page.getByRole('radio', { name: new RegExp(`^${count} labels`) }).check();
  await expect.poll(() => labels(page).count()).toBe(count);
}

/** What the printer gets: the sheet alone, at the paper's size, on one page. */
async function checkPrint(page: Page, css: string, size: { width: number; height: number }): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  try {
    for (const selector of ['.app-header', '.tab-bar', '#page-title', '.label-controls']) {
      await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(false);
    }
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('radio', { name: 'A4', exact: true }).isVisible()).resolves.toBe(false);
    await expect(labels(page).first().isVisible()).resolves.toBe(true);
    await expect(labels(page).last().isVisible()).resolves.toBe(true);
    expect((await pageSizeRules(page)).map((size) => size.toLowerCase())).toEqual([css.toLowerCase()]);
    // A code is at least 20 mm across on paper (96 CSS px to the inch).
    const side = await labels(page).first().locator('svg').evaluate((svg) => svg.getBoundingClientRect().width);
    expect((side * 25.4) / 96).toBeGreaterThanOrEqual(24);
  } finally {
    await page.emulateMedia({ media: null });
  }
  const pdf = await printToPdf(page);
  expect(pdf.pages).toHaveLength(1);
  expect(pdf.pages[0]!.width).toBeCloseTo(size.width, 0);
  expect(pdf.pages[0]!.height).toBeCloseTo(size.height, 0);
}

describe('printable label sheets', () => {
  test('blank labels: layouts, print, codes read back, a new sheet, a tool’s stickers, in English and Spanish', { timeout: 240_000 }, async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    // Three device pixels to a CSS pixel, like a phone's screen, so that a screenshot of a
    // code has several pixels to a module, as a printer's dots would: at one, a module is barely two.
    const context = await browser.browser.newContext({ deviceScaleFactor: 3, viewport: { width: 1000, height: 1200 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await createCircle(page, baseUrl, 'Taller del barrio', 'Marta');
    await page.goto(`${baseUrl}/#/labels`);
    await page.getByRole('heading', { level: 1, name: 'Print labels' }).waitFor();
    await page.getByRole('group', { name: 'Paper size' }).waitFor();
    await page.getByRole('group', { name: 'Labels per sheet' }).waitFor();
    await page.getByRole('button', { name: 'Print' }).waitFor();
    await page.getByRole('button', { name: 'New sheet' }).waitFor();
    // The browser speaks en-US: Letter comes first.
    await expect(page.getByRole('radio', { name: 'US Letter', exact: true }).isChecked()).resolves.toBe(true);
    await expect(labels(page).count()).resolves.toBe(30);
    await expectAccessible(page, 'blank label sheet');

    // A4: 3 × 8 or 3 × 7.
    await choosePaper(page, 'A4', 21);
    await choosePaper(page, 'A4', 24);
    await page.getByRole('radio', { name: '24 labels (3 × 8, each 63.5 × 33.9 mm)' }).waitFor();
    await expectAccessible(page, 'blank label sheet on A4');
    await checkPrint(page, 'A4', { width: 210, height: 297 });
    const fragmentsA4 = await printedFragments(page);
    expect(fragmentsA4).toHaveLength(24);
    expect(new Set(fragmentsA4).size).toBe(24);
    await page.emulateMedia({ media: 'print' });
    const idsA4 = await readBlankLabels(page, [0, 1, 2, 11, 22, 23]);
    await page.emulateMedia({ media: null });
    expect(new Set(idsA4).size).toBe(idsA4.length);

    // US Letter: 3 × 10 or 2 × 7, with the same ids where the sheets overlap.
    await choosePaper(page, 'US Letter', 14);
    await choosePaper(page, 'US Letter', 30);
    await checkPrint(page, 'letter', { width: 215.9, height: 279.4 });
    const fragmentsLetter = await printedFragments(page);
    expect(fragmentsLetter).toHaveLength(30);
    expect(new Set(fragmentsLetter).size).toBe(30);
    expect(fragmentsLetter.slice(0, 24)).toEqual(fragmentsA4);
    await page.emulateMedia({ media: 'print' });
    const idsLetter = await readBlankLabels(page, [0, 2, 14, 27, 28, 29]);
    await page.emulateMedia({ media: null });
    expect(new Set(idsLetter).size).toBe(idsLetter.length);
    expect(idsLetter[0]).toBe(idsA4[0]);

    // The sheet stays the same until the member asks for a new one.
    await page.goto(`${baseUrl}/#/`);
    await page.goto(`${baseUrl}/#/labels`);
    await page.getByRole('heading', { level: 1, name: 'Print labels' }).waitFor();
    await expect(printedFragments(page)).resolves.toEqual(fragmentsLetter);
    await page.getByRole('button', { name: 'New sheet' }).click();
    await page.getByRole('status').getByText('A new sheet of labels is ready.', { exact: false }).waitFor();
    const fresh = await printedFragments(page);
    expect(fresh).toHaveLength(30);
    expect(fresh.filter((fragment) => fragmentsLetter.includes(fragment))).toEqual([]);
    const freshIds = await readBlankLabels(page, [0, 29]);
    expect(idsLetter).not.toContain(freshIds[0]);
    expect(idsLetter).not.toContain(freshIds[1]);
    await expectAccessible(page, 'new blank label sheet');

    // One tool's stickers: its code on every label, and no new-sheet button.
    await page.goto(`${baseUrl}/#/labels?tool=${TOOL_ID}`);
    await page.getByRole('heading', { level: 1, name: `Labels for ${TOOL_ID.slice(0, 8)}` }).waitFor();
    await expect(labels(page).count()).resolves.toBe(30);
    await expect(page.getByRole('button', { name: 'New sheet' }).count()).resolves.toBe(0);
    await expect(decodeLabel(labels(page).first())).resolves.toBe(`${appBase}#/tool/${TOOL_ID}`);
    await expect(decodeLabel(labels(page).last())).resolves.toBe(`${appBase}#/tool/${TOOL_ID}`);
    await expectAccessible(page, 'tool label sheet');

    // Spanish.
    await page.goto(`${baseUrl}/#/settings`);
    await page.getByLabel('Language of the app').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();
    await page.goto(`${baseUrl}/#/labels`);
    await page.getByRole('heading', { level: 1, name: 'Imprimir etiquetas' }).waitFor();
    await page.getByRole('group', { name: 'Tamaño del papel' }).waitFor();
    await page.getByRole('group', { name: 'Etiquetas por hoja' }).waitFor();
    await page.getByRole('radio', { name: 'Carta (EE. UU.)' }).waitFor();
    await page.getByRole('button', { name: 'Imprimir' }).waitFor();
    await page.getByRole('button', { name: 'Hoja nueva' }).waitFor();
    await page.getByRole('region', { name: 'Vista previa de la hoja' }).waitFor();
    await page.getByRole('radio', { name: 'A4', exact: true }).check();
    await page.getByRole('radio', { name: '24 etiquetas (3 × 8, de 63,5 × 33,9 mm)' }).waitFor();
    await expect(labels(page).count()).resolves.toBe(24);
    await expect(labels(page).first().locator('.label-caption').textContent()).resolves.toBe('Tally · escanéala para añadir una herramienta');
    await expectAccessible(page, 'blank label sheet (es)');
    await checkPrint(page, 'A4', { width: 210, height: 297 });
    await page.goto(`${baseUrl}/#/labels?tool=${TOOL_ID}`);
    await page.getByRole('heading', { level: 1, name: `Etiquetas para ${TOOL_ID.slice(0, 8)}` }).waitFor();
    await expectAccessible(page, 'tool label sheet (es)');

    expect(errors).toEqual([]);
  });
});
