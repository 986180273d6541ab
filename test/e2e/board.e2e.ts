// The offers-and-needs board on one phone: posting, filtering, matching,
// responding and withdrawing, a refused post, the demo circle's board, and
// every board screen accessible in English and Spanish.
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './lib/axe';
import { createCircle } from './lib/app';
import { cards, chooseSkill, fillListing, listingIdOf, openBoard, postFromBoard, sideTab, tabCount } from './lib/board';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';

const baseUrl = inject('baseUrl');
const browsers: LaunchedBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

/** Before the demo's history ends, when some of its members' needs are still open. */
const DEMO_DAY_WITH_NEEDS = Date.UTC(2026, 9, 25, 12, 0);

async function recordCount(page: Page): Promise<string | null> {
  await page.goto(`${baseUrl}/#/`);
  return page.getByTestId('record-count').textContent();
}

describe('the offers-and-needs board', () => {
  test('post, filter, match, respond and withdraw, in English and Spanish', { timeout: 240_000 }, async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.newPage();
    const errors = collectPageErrors(page);

    await createCircle(page, baseUrl, 'Huerto Norte', 'Lucía');
    await openBoard(page, baseUrl);
    await page.getByRole('heading', { level: 2, name: 'Nothing on the board yet' }).waitFor();
    await expectAccessible(page, 'empty board');

    // An empty description is refused in place, and nothing is posted.
    await page.getByRole('link', { name: 'Post a need' }).click();
    await page.getByRole('heading', { level: 1, name: 'Post a need' }).waitFor();
    await expect(page.getByRole('radio', { name: /^A need/ }).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'post');
    await fillListing(page, { side: 'need', skill: 'Repair', description: '   ' });
    await page.getByRole('button', { name: 'Post the need' }).click();
    await page.getByText('Please describe what you offer or need.').waitFor();
    await expect(page.getByLabel('Description').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'post with an error');
    await expect(recordCount(page)).resolves.toBe('1 record saved on this phone.');

    const needId = await postFromBoard(page, baseUrl, {
      side: 'need',
      skill: 'Repair',
      description: 'The kitchen tap drips all night and I have no wrench',
      hours: '1.5 h',
    });
    await page.getByText('Posted on the board.').waitFor();
    await page.getByText('This is your listing.').waitFor();
    await expect(page.getByRole('link', { name: 'Respond' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'own need');
    const offerId = await postFromBoard(page, baseUrl, { side: 'offer', skill: 'Repair', description: 'I mend bicycles and fix leaking taps' });
    await expect(recordCount(page)).resolves.toBe('3 records saved on this phone.');

    // Both are listed, each on its side, with what a member needs to know.
    await openBoard(page, baseUrl);
    await expect(sideTab(page, 'offer', 1).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('link', { name: 'I mend bicycles and fix leaking taps' }).waitFor();
    await expectAccessible(page, 'board with an offer');
    await sideTab(page, 'need', 1).click();
    const need = cards(page).first();
    await need.getByRole('link', { name: 'The kitchen tap drips all night and I have no wrench' }).waitFor();
    await need.getByText('Essential', { exact: true }).waitFor();
    await need.getByText('By you').waitFor();
    await need.getByText('About 1.5 h').waitFor();
    await need.getByText(/^Posted .*ago$/).waitFor();
    await need.getByText(/^Until /).waitFor();
    // One's own offer is no match for one's own need.
    await need.getByText('No offer matches yet').waitFor();
    await expectAccessible(page, 'board with a need');

    // The skill filter: the same skill keeps both, another empties the board.
    await chooseSkill(page.getByLabel('Skill'), 'Repair');
    await sideTab(page, 'need', 1).waitFor();
    await sideTab(page, 'offer', 1).waitFor();
    await chooseSkill(page.getByLabel('Skill'), 'Gardening');
    await page.getByText('No needs for Gardening right now.').waitFor();
    await sideTab(page, 'offer', 0).click();
    await page.getByText('No offers for Gardening right now.').waitFor();
    await expectAccessible(page, 'board filtered to nothing');
    await page.getByLabel('Skill').selectOption({ label: 'All skills' });
    await sideTab(page, 'offer', 1).waitFor();

    // Withdrawing takes the offer off the board; its page says so.
    await page.getByRole('link', { name: 'I mend bicycles and fix leaking taps' }).click();
    await page.getByRole('heading', { level: 1, name: 'Offer: Repair' }).waitFor();
    await page.getByRole('button', { name: 'Withdraw' }).click();
    await expectAccessible(page, 'withdrawal confirmation');
    await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Board' }).waitFor();
    await page.getByText('Withdrawn: it no longer shows on the board.').waitFor();
    await sideTab(page, 'offer', 0).waitFor();
    await expect(page.getByRole('link', { name: 'I mend bicycles and fix leaking taps' }).count()).resolves.toBe(0);
    await page.goto(`${baseUrl}/#/listing/${offerId}`);
    await page.getByText('This listing was withdrawn by the member who posted it.', { exact: false }).waitFor();
    await expect(page.getByRole('button', { name: 'Withdraw' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'withdrawn offer');
    await page.goto(`${baseUrl}/#/listing/${needId}`);
    await page.getByRole('heading', { level: 1, name: 'Need: Repair' }).waitFor();

    await page.goto(`${baseUrl}/#/listing/${'A'.repeat(43)}`);
    await page.getByRole('heading', { level: 1, name: 'Listing not on this phone' }).waitFor();
    await expectAccessible(page, 'listing not on this phone');

    // The demo circle: standing offers from other members, to respond to and match.
    await page.goto(`${baseUrl}/#/welcome`);
    await page.getByRole('button', { name: 'Explore a demo circle' }).click();
    await page.getByTestId('record-count').waitFor({ timeout: 60_000 });
    await openBoard(page, baseUrl);
    const offers = sideTab(page, 'offer');
    await expect(offers.getAttribute('aria-selected')).resolves.toBe('true');
    expect(await tabCount(offers)).toBeGreaterThan(0);
    await expectAccessible(page, 'demo board');

    const offer = cards(page).first();
    const skill = (await offer.locator('.listing-skill > span').first().textContent()) ?? '';
    await offer.locator('.listing-link').click();
    await page.getByRole('heading', { level: 1, name: `Offer: ${skill}` }).waitFor();
    const demoOfferId = listingIdOf(page.url());
    await expectAccessible(page, 'someone else’s offer');
    await page.getByRole('link', { name: 'Respond' }).click();
    await page.waitForURL(`${baseUrl}/#/exchange?role=receiver&listing=${demoOfferId}`);

    // A need for the same skill shows the offer as its match.
    await postFromBoard(page, baseUrl, { side: 'need', skill, description: 'Could someone help me this week?' });
    const matches = page.getByRole('region', { name: 'Offers that match' });
    await matches.locator(`a[href="#/listing/${demoOfferId}"]`).waitFor();
    await expectAccessible(page, 'need with matches');
    await openBoard(page, baseUrl);
    await sideTab(page, 'need').click();
    const mine = cards(page).filter({ hasText: 'Could someone help me this week?' });
    await mine.getByText(/^\d+ offers? match(es)?$/).waitFor();

    // Someone else's need, from a day when the demo's needs were still open: I would be the helper.
    await page.clock.setFixedTime(DEMO_DAY_WITH_NEEDS);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Board' }).waitFor();
    await sideTab(page, 'need').click();
    await cards(page).filter({ hasNotText: 'By you' }).first().locator('.listing-link').click();
    await page.getByRole('heading', { level: 1, name: /^Need: / }).waitFor();
    const demoNeedId = listingIdOf(page.url());
    await page.getByRole('link', { name: 'Respond' }).click();
    await page.waitForURL(`${baseUrl}/#/exchange?role=provider&listing=${demoNeedId}`);

    // Spanish: the board's headings and controls, and axe on each screen.
    await page.goto(`${baseUrl}/#/settings`);
    await page.getByLabel('Language of the app').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();
    await openBoard(page, baseUrl, 'Tablón');
    await sideTab(page, 'offer').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /^Ofertas \(\d+\)$/ }).waitFor();
    await page.getByRole('tab', { name: /^Necesidades \(\d+\)$/ }).waitFor();
    await page.getByRole('navigation', { name: 'Publicar en el tablón' }).waitFor();
    await page.getByLabel('Habilidad').waitFor();
    await expectAccessible(page, 'board (es)');
    await page.getByRole('link', { name: 'Publicar una necesidad' }).click();
    await page.getByRole('heading', { level: 1, name: 'Publicar una necesidad' }).waitFor();
    await page.getByRole('group', { name: 'Mostrarlo hasta' }).waitFor();
    await expectAccessible(page, 'post (es)');
    await page.goto(`${baseUrl}/#/listing/${demoNeedId}`);
    await page.getByRole('heading', { level: 1, name: /^Necesidad: / }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Detalles' }).waitFor();
    await expectAccessible(page, 'listing (es)');

    expect(errors).toEqual([]);
  });
});
