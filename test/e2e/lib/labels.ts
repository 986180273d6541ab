// Reading printed label sheets in the browser tests: the codes as a phone's
// camera would see them, and the page size Chromium prints at.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { prepareZXingModule } from 'zxing-wasm/reader';
import { decodeQrCodes } from '../../../src/qr/decoder';
import { pngToRgba } from './fake-camera';

let prepared: Promise<void> | undefined;

/** Node has no web server to fetch the reader's wasm from: hand it the file itself. */
export function prepareDecoder(): Promise<void> {
  prepared ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const wasmBinary = (await readFile(wasmPath)).buffer;
    prepareZXingModule({ overrides: { wasmBinary } });
  })();
  return prepared;
}

export function labels(page: Page): Locator {
  return page.locator('.label-sheet > li');
}

/** The text of the one QR code in a screenshot of a label's code. */
export async function decodeLabel(label: Locator): Promise<string> {
  await prepareDecoder();
  const png = await label.locator('svg').screenshot();
  const image = pngToRgba(png);
  const data = new Uint8ClampedArray(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength);
  const texts = await decodeQrCodes({ data, width: image.width, height: image.height, colorSpace: 'srgb' } as ImageData);
  if (texts.length !== 1) throw new Error(`expected one code on the label, read ${texts.length}`);
  return texts[0]!;
}

/** The id fragments printed under the blank labels' codes, in sheet order. */
export async function printedFragments(page: Page): Promise<string[]> {
  return labels(page).locator('.label-id').allTextContents();
}

/** The @page size rules in force, as the CSS object model reads them. */
export function pageSizeRules(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sizes: string[] = [];
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) {
        if (rule instanceof CSSPageRule) {
          const size = rule.style.getPropertyValue('size');
          if (size !== '') sizes.push(size);
        }
      }
    }
    return sizes;
  });
}

export interface PrintedPdf {
  /** Page sizes in millimetres, one per page. */
  readonly pages: readonly { readonly width: number; readonly height: number }[];
}

/** Prints the page to PDF as Chromium would for the print dialog, honouring @page, and reads its page sizes. */
export async function printToPdf(page: Page): Promise<PrintedPdf> {
  const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const pages: { width: number; height: number }[] = [];
  const pointsToMm = 25.4 / 72;
  for (const match of pdf.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/g)) {
    const [x0, y0, x1, y1] = match.slice(1, 5).map(Number) as [number, number, number, number];
    pages.push({ width: (x1 - x0) * pointsToMm, height: (y1 - y0) * pointsToMm });
  }
  if (pages.length === 0) {
    // Some writers put /MediaBox before /Type in the page dictionary.
    for (const match of pdf.matchAll(/\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/g)) {
      const [x0, y0, x1, y1] = match.slice(1, 5).map(Number) as [number, number, number, number];
      pages.push({ width: (x1 - x0) * pointsToMm, height: (y1 - y0) * pointsToMm });
    }
  }
  return { pages };
}
