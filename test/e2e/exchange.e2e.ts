// Two phones, no network between them: an exchange is recorded by two scans,
// the draft into the second phone's camera and the receipt back into the first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible } from './lib/axe';
import { blankCamera, createCircle } from './lib/app';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import {
  alterSignedContent,
  balanceShown,
  carryRecords,
  coverCamera,
  flipMiddleCharacter,
  inviteByScanning,
  openExchangeTab,
  pasteCode,
  reopenCamera,
  shownCodeText,
  showCodeTo,
  showTextToCamera,
  validRecordCount,
} from './lib/exchange';

const baseUrl = inject('baseUrl');
const scratch = mkdtempSync(join(process.env['TALLY_E2E_TMPDIR'] ?? tmpdir(), 'exchange-'));
const browsers: LaunchedBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

describe('recording an exchange face to face', () => {
  test('a draft scanned one way and a receipt the other complete the exchange on both phones', { timeout: 240_000 }, async () => {
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
    await carryRecords(ana, luis);
    await coverCamera(luisCamera);
    const luisRecords = await validRecordCount(luis, baseUrl);
    expect(luisRecords).toBe(2);

    // Ana helped Luis: she makes the draft.
    await openExchangeTab(ana, baseUrl);
    await ana.getByRole('heading', { level: 1, name: 'Exchange' }).waitFor();
    await expect(balanceShown(ana)).resolves.toBe('0 h');
    await expectAccessible(ana, 'exchange tab');
    await ana.getByRole('link', { name: 'I helped someone' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Record an exchange' }).waitFor();
    await expect(ana.getByRole('radio', { name: 'I helped someone' }).isChecked()).resolves.toBe(true);
    await expectAccessible(ana, 'new exchange');
    // No skill chosen yet: refused in place, nothing made.
    await ana.getByRole('button', { name: 'Show the code' }).click();
    await ana.getByText('Choose the skill this exchange was about.').waitFor();
    await expectAccessible(ana, 'new exchange with an error');
    await ana.getByLabel('Hours', { exact: true }).selectOption({ label: '1.5 h' });
    await ana.getByLabel('Skill', { exact: true }).selectOption({ label: 'Repair' });
    await ana.getByLabel('Note (optional)').fill('Fixed the bike brakes');
    await ana.getByText('21 of 40 characters').waitFor();
    await ana.getByRole('button', { name: 'Show the code' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Your exchange code' }).waitFor();
    await expect(ana.getByTestId('draft-status').textContent()).resolves.toBe('Waiting for countersignature');
    await expect(ana.getByTestId('draft-summary').textContent()).resolves.toContain('You helped: 1.5 h of Repair');
    await expectAccessible(ana, 'draft code');
    const draftText = await shownCodeText(ana);

    // Codes that were damaged or altered are refused, and nothing is stored.
    await openExchangeTab(luis, baseUrl);
    await pasteCode(luis, flipMiddleCharacter(draftText));
    await luis.getByText('This code is damaged or incomplete. Try scanning it again.').waitFor();
    await pasteCode(luis, alterSignedContent(draftText));
    await luis.getByText('This code has been altered: its signature does not match. Nothing was saved.').waitFor();
    await expectAccessible(luis, 'exchange tab with a refused code');
    await expect(validRecordCount(luis, baseUrl)).resolves.toBe(luisRecords);

    // Luis scans the draft with his camera, reads it from his side, confirms.
    await openExchangeTab(luis, baseUrl);
    await showCodeTo(ana, luisCamera);
    await reopenCamera(luis);
    await luis.getByTestId('review-summary').filter({ hasText: 'Ana helped you' }).waitFor({ timeout: 30_000 });
    await expect(luis.getByTestId('review-hours').textContent()).resolves.toBe('1.5 h');
    await luis.getByText('Fixed the bike brakes').waitFor();
    await expectAccessible(luis, 'review');
    await luis.getByRole('button', { name: 'Confirm' }).click();
    await luis.getByRole('heading', { name: 'Let Ana scan this to finish' }).waitFor();
    await luis.getByText('Saved on this phone.').waitFor();
    await expect(balanceShown(luis)).resolves.toBe('-1.5 h');
    await expectAccessible(luis, 'receipt');
    await coverCamera(luisCamera);

    // Ana scans the receipt: done at once, and still done after a reload.
    const receiptText = await showCodeTo(luis, anaCamera);
    await reopenCamera(ana);
    await ana.getByRole('button', { name: 'Scan their receipt' }).click();
    await ana.getByTestId('draft-status').filter({ hasText: 'Completed' }).waitFor({ timeout: 30_000 });
    await expect(balanceShown(ana)).resolves.toBe('+1.5 h');
    await expectAccessible(ana, 'draft completed');
    await coverCamera(anaCamera);
    await reopenCamera(ana);
    await expect(ana.getByTestId('draft-status').textContent()).resolves.toBe('Completed');
    await openExchangeTab(ana, baseUrl);
    await expect(balanceShown(ana)).resolves.toBe('+1.5 h');
    await expect(ana.getByTestId('pending-drafts').count()).resolves.toBe(0);

    // Both phones count one exchange.
    const afterConfirm = await validRecordCount(luis, baseUrl);
    expect(afterConfirm).toBe(luisRecords + 1);
    await expect(validRecordCount(ana, baseUrl)).resolves.toBe(3);

    // Scanning the same draft again, after a reload, stores nothing and shows the receipt again.
    await showTextToCamera(draftText, luisCamera);
    await reopenCamera(luis);
    await luis.goto(`${baseUrl}/#/scan`);
    await luis.getByText('You already confirmed this exchange.', { exact: false }).waitFor({ timeout: 30_000 });
    await luis.getByRole('heading', { name: 'Let Ana scan this to finish' }).waitFor();
    await expect(balanceShown(luis)).resolves.toBe('-1.5 h');
    await expect(validRecordCount(luis, baseUrl)).resolves.toBe(afterConfirm);

    // In Spanish, Luis reads a new draft from Ana (she was the one helped) in his language.
    await coverCamera(luisCamera);
    await luis.goto(`${baseUrl}/#/settings`);
    await luis.getByLabel('Language of the app').selectOption('es');
    await luis.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();
    await reopenCamera(luis);
    await openExchangeTab(ana, baseUrl);
    await ana.getByRole('link', { name: 'Someone helped me' }).click();
    await ana.getByLabel('Hours', { exact: true }).selectOption({ label: '0.75 h' });
    await ana.getByLabel('Skill', { exact: true }).selectOption({ label: 'Cooking' });
    await ana.getByRole('button', { name: 'Show the code' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Your exchange code' }).waitFor();
    const secondDraft = await shownCodeText(ana);
    await openExchangeTab(luis, baseUrl);
    await luis.getByRole('heading', { level: 1, name: 'Intercambio' }).waitFor();
    await expectAccessible(luis, 'exchange tab (es)');
    await pasteCode(luis, secondDraft, 'O pega el texto del código', 'Usar este código');
    await luis.getByTestId('review-summary').filter({ hasText: 'Has ayudado a Ana' }).waitFor();
    await expect(luis.getByTestId('review-hours').textContent()).resolves.toBe('0,75 h');
    await luis.getByText('Cocina', { exact: true }).waitFor();
    await luis.getByRole('button', { name: 'Confirmar' }).waitFor();
    await expectAccessible(luis, 'review (es)');
    await luis.getByRole('button', { name: 'Cancelar' }).click();
    await expect(validRecordCount(luis, baseUrl)).resolves.toBe(afterConfirm);

    // On her own Exchange tab, Ana's own draft is refused and Luis's receipt, already stored, changes nothing.
    await openExchangeTab(ana, baseUrl);
    await pasteCode(ana, secondDraft);
    await ana.getByText('This is your own code: the other person must scan it on their phone.').waitFor();
    await pasteCode(ana, receiptText);
    await ana.getByText('The exchange is complete and saved on this phone.').first().waitFor();
    await expect(balanceShown(ana)).resolves.toBe('+1.5 h');
    await expect(validRecordCount(ana, baseUrl)).resolves.toBe(3);

    // Ana cancels the draft Luis did not confirm; the page says what cancelling cannot undo.
    await openExchangeTab(ana, baseUrl);
    await ana.getByRole('link', { name: /^You were helped: 0\.75 h of Cooking/ }).click();
    await ana.getByRole('heading', { level: 1, name: 'Your exchange code' }).waitFor();
    await ana.getByRole('button', { name: 'Cancel this draft' }).click();
    await ana.getByText('It cannot take back your signature', { exact: false }).waitFor();
    await ana.getByRole('button', { name: 'Yes, cancel it' }).click();
    await ana.getByText('The draft is cancelled on this phone.').waitFor();
    await ana.getByRole('heading', { level: 1, name: 'Exchange' }).waitFor();
    await expect(ana.getByTestId('pending-drafts').count()).resolves.toBe(0);
    await expect(balanceShown(ana)).resolves.toBe('+1.5 h');

    expect(errors).toEqual([]);
  });
});
