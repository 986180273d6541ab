// Steps two members take to record exchanges face to face, shared by the browser tests.
import { rename } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { pngToRgba, renderCodeToRgba, writeY4m } from './fake-camera';
import type { RgbaImage } from './fake-camera';
import { decodeFrame, encodeFrame } from '../../../src/qr/frame';

export interface TwoPhones {
  readonly baseUrl: string;
  readonly member: Page;
  readonly memberCamera: string;
  readonly newcomer: Page;
  readonly newcomerCamera: string;
}

/** The whole invitation by scanning: request into the member's camera, welcome into the newcomer's. */
export async function inviteByScanning(phones: TwoPhones, newcomerName: string): Promise<void> {
  const { baseUrl, member, memberCamera, newcomer, newcomerCamera } = phones;
  await newcomer.goto(`${baseUrl}/#/join`);
  await newcomer.getByLabel('Your name').fill(newcomerName);
  await newcomer.getByRole('button', { name: 'Show my join request' }).click();
  await showCodeTo(newcomer, memberCamera);
  await member.goto(`${baseUrl}/#/invite`);
  // A camera opened earlier on this page keeps its old picture: open it afresh on the request.
  await reopenCamera(member);
  await member.getByRole('heading', { name: `${newcomerName} asks to join` }).waitFor({ timeout: 30_000 });
  await member.getByRole('button', { name: `Approve ${newcomerName}` }).click();
  await member.getByText(`${newcomerName} is admitted, and it is saved on this phone.`).waitFor();
  await showCodeTo(member, newcomerCamera);
  await newcomer.getByRole('button', { name: 'Scan the welcome code' }).click();
  await newcomer.getByText('You are in', { exact: false }).waitFor({ timeout: 30_000 });
}

interface ArchivedRows {
  readonly name: string;
  readonly rows: readonly { readonly id: string; readonly bytes: readonly number[] }[];
}

/**
 * A newcomer's phone knows only its own admission until it first syncs. The
 * phones cannot sync yet, so this carries the member's saved records into the
 * newcomer's archive, as a sync would, and reopens the app to read them.
 */
export async function carryRecords(from: Page, to: Page): Promise<void> {
  const archive = await from.evaluate(async (): Promise<ArchivedRows> => {
    const databases = await indexedDB.databases();
    const name = databases.map((db) => db.name ?? '').find((n) => n.startsWith('tally-records-'));
    if (name === undefined) throw new Error('no record archive on this phone');
    return new Promise((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(new Error(`cannot open ${name}`));
      open.onsuccess = () => {
        const request = open.result.transaction('records').objectStore('records').getAll();
        request.onsuccess = () => {
          const rows = request.result as { id: string; bytes: Uint8Array }[];
          open.result.close();
          resolve({ name, rows: rows.map((row) => ({ id: row.id, bytes: [...row.bytes] })) });
        };
      };
    });
  });
  await to.evaluate(
    ({ name, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.result.createObjectStore('records', { keyPath: 'id' });
        open.onerror = () => reject(new Error(`cannot open ${name}`));
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          for (const row of rows) tx.objectStore('records').put({ id: row.id, bytes: new Uint8Array(row.bytes) });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('could not write the records'));
        };
      }),
    archive,
  );
  await reopenCamera(to);
}

/** How many valid records the phone holds, from the diagnostics screen (a bare number in any language). */
export async function validRecordCount(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}/#/diagnostics`);
  const count = page.getByTestId('valid-count');
  await count.waitFor();
  return Number(await count.textContent());
}

/** Opens the Exchange tab and waits for the balance to show. */
export async function openExchangeTab(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/scan`);
  await page.getByTestId('exchange-balance').waitFor();
}

export async function balanceShown(page: Page): Promise<string | null> {
  return page.getByTestId('exchange-balance').textContent();
}

/** The code text the page shows, without photographing it. */
export async function shownCodeText(page: Page): Promise<string> {
  const code = page.locator('[data-code-text]').first();
  await code.waitFor();
  return (await code.getAttribute('data-code-text')) ?? '';
}

/**
 * The picture a camera sees, replaced in one step: a camera already running
 * keeps reading the file it opened, never a half-written one, and a camera
 * opened afterwards (after the scanning page reloads) sees the new picture.
 */
async function replaceCameraPicture(cameraFile: string, image: RgbaImage): Promise<void> {
  const next = `${cameraFile}.next`;
  await writeY4m(next, [image]);
  await rename(next, cameraFile);
}

/**
 * Photographs the code the page shows into the other phone's camera and
 * returns its text. The code is scrolled to the middle first, as a member
 * would hold it up: near the bottom, the tab bar would cover part of it.
 */
export async function showCodeTo(page: Page, cameraFile: string): Promise<string> {
  const code = page.locator('[data-code-text]').first();
  const svg = code.locator('svg');
  await svg.waitFor();
  await svg.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await replaceCameraPicture(cameraFile, pngToRgba(await svg.screenshot()));
  return (await code.getAttribute('data-code-text')) ?? '';
}

/** A code shown to a camera from its text, as a phone that still had it on screen would. */
export function showTextToCamera(text: string, cameraFile: string): Promise<void> {
  return replaceCameraPicture(cameraFile, renderCodeToRgba(text, 4));
}

/** A camera that sees nothing but white. */
export function coverCamera(cameraFile: string): Promise<void> {
  return replaceCameraPicture(cameraFile, { width: 64, height: 64, rgba: new Uint8Array(64 * 64 * 4).fill(255) });
}

/** Reloads the page so that its next scanner opens the camera afresh, on the current picture. */
export async function reopenCamera(page: Page): Promise<void> {
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** One character of the code's text changed in the middle, as a bad copy would: the frame's checksum fails. */
export function flipMiddleCharacter(text: string): string {
  const middle = Math.floor(text.length / 2);
  const replacement = text[middle] === 'A' ? 'B' : 'A';
  return text.slice(0, middle) + replacement + text.slice(middle + 1);
}

/** A code whose content was altered and reframed with a fresh checksum: only the signature can tell. */
export function alterSignedContent(text: string): string {
  const frame = decodeFrame(text);
  if (!frame.ok) throw new Error(`not a code: ${frame.error}`);
  const body = frame.value.body.slice();
  // The draft ends with its 64-byte signature; change a byte inside it.
  const at = body.length - 10;
  body[at] = (body[at] ?? 0) ^ 0x01;
  return encodeFrame(frame.value.kind, frame.value.version, body);
}

/** Pastes code text into the scanner on screen. */
export async function pasteCode(page: Page, text: string, label = 'Or paste the code text', submit = 'Use this code'): Promise<void> {
  await page.getByLabel(label).fill(text);
  await page.getByRole('button', { name: submit }).click();
}
