// Steps a member takes on the offers-and-needs board, shared by the browser tests.
import type { Locator, Page } from 'playwright-core';

export interface ListingToPost {
  readonly side: 'offer' | 'need';
  /** The skill as the list shows it in English, without the "Essential" mark. */
  readonly skill: string;
  readonly description: string;
  /** As the estimate list shows it: "1.5 h". */
  readonly hours?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Picks a skill by its name, whether or not the option also marks it essential. */
export async function chooseSkill(select: Locator, skill: string): Promise<void> {
  const option = select.locator('option').filter({ hasText: new RegExp(`^${escapeRegExp(skill)}( · .*)?$`) });
  const value = await option.first().getAttribute('value');
  if (value === null) throw new Error(`no skill named ${skill}`);
  await select.selectOption(value);
}

/** Fills the post form already on screen; submits only what is given. */
export async function fillListing(page: Page, listing: ListingToPost): Promise<void> {
  await page.getByRole('radio', { name: listing.side === 'offer' ? /^An offer/ : /^A need/ }).check();
  await chooseSkill(page.getByLabel('Skill', { exact: true }), listing.skill);
  await page.getByLabel('Description').fill(listing.description);
  if (listing.hours !== undefined) await page.getByLabel('Time it may take (optional)').selectOption({ label: listing.hours });
}

/**
 * Posts from the board's buttons and waits for the new listing's page;
 * returns the listing's id, read from the address.
 */
export async function postFromBoard(page: Page, baseUrl: string, listing: ListingToPost): Promise<string> {
  await openBoard(page, baseUrl);
  await page.getByRole('link', { name: listing.side === 'offer' ? 'Post an offer' : 'Post a need' }).click();
  await page.getByRole('heading', { level: 1, name: listing.side === 'offer' ? 'Post an offer' : 'Post a need' }).waitFor();
  await fillListing(page, listing);
  await page.getByRole('button', { name: listing.side === 'offer' ? 'Post the offer' : 'Post the need' }).click();
  const title = `${listing.side === 'offer' ? 'Offer' : 'Need'}: ${listing.skill}`;
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return listingIdOf(page.url());
}

export async function openBoard(page: Page, baseUrl: string, heading = 'Board'): Promise<void> {
  await page.goto(`${baseUrl}/#/board`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

export function listingIdOf(url: string): string {
  const match = /#\/listing\/([A-Za-z0-9_-]{43})$/.exec(url);
  if (match?.[1] === undefined) throw new Error(`not a listing's address: ${url}`);
  return match[1];
}

/** The tab of one side; its name carries the count, "Offers (2)". */
export function sideTab(page: Page, side: 'offer' | 'need', count?: number): Locator {
  const word = side === 'offer' ? 'Offers' : 'Needs';
  return page.getByRole('tab', { name: count === undefined ? new RegExp(`^${word} \\(\\d+\\)$`) : `${word} (${count})` });
}

/** The number a tab shows. */
export async function tabCount(tab: Locator): Promise<number> {
  const text = (await tab.textContent()) ?? '';
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? Number.NaN);
}

/** Listing cards in the open tab panel. */
export function cards(page: Page): Locator {
  return page.locator('[role="tabpanel"]:not([hidden]) .listing-card');
}
