// The emergency fund in the demo circle: its drills and fund as the demo's
// history leaves them, the circle's rules for payouts changed on the screen
// (bad values refused in words), a request still judged by the rules of its
// day, and the published totals copied, printed and read in both languages
// with no member's name in them.
import { afterAll, describe, expect, inject, test } from 'vitest';
import { expectAccessible } from './lib/axe';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import { openDemo, openScreen, switchLanguage } from './lib/ledger';

const baseUrl = inject('baseUrl');
const browsers: LaunchedBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

describe('the emergency fund', () => {
  test('the demo shows its drills and fund; the circle changes its payout rules; the totals are published without names', async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    // A week after the demo's history ends.
    await page.clock.install({ time: new Date('2026-11-20T12:00:00Z') });
    await openDemo(page, baseUrl);

    // Mutual defense as the demo's history leaves it: three drills, the first of which never reached 90%.
    await openScreen(page, baseUrl, '#/defense', 'Mutual defense');
    await page.getByRole('heading', { level: 3, name: 'Drills' }).waitFor();
    const drills = page.locator('section[aria-labelledby="alerts-title"] ul.list li');
    await expect(drills.count()).resolves.toBe(3);
    await expect(drills.first().textContent()).resolves.toMatch(/90% never reached$/);
    await expect(drills.last().textContent()).resolves.toMatch(/90% reached in \d+ min$/);
    await page.getByText('No alert is open.').waitFor();
    await expectAccessible(page, 'defense, demo');

    await page.getByRole('link', { name: 'The emergency fund' }).click();
    await page.getByRole('heading', { level: 1, name: 'Emergency fund' }).waitFor();
    await page.getByText('A request for more than 400.00 needs 3 approvals; any other needs 2.', { exact: false }).waitFor();
    await page.getByText(/^Set by .+ on .+\.$/).waitFor();
    await page.getByText('A request is judged by the rules in force when it was made', { exact: false }).waitFor();
    // Requests made before the circle tightened its rules say which rules they had.
    await expect(page.getByText('Made under the rules of its day: above 500.00, 3 approvals.').count()).resolves.toBeGreaterThan(0);
    const names = (await page.locator('li p').filter({ hasText: ' asks for ' }).allTextContents()).map((line) => line.split(' asks for ')[0]!);
    expect(names).toHaveLength(6);
    await expectAccessible(page, 'fund, demo');

    // Bad rules are refused in words; good ones stand, for requests made from now on.
    await page.locator('summary', { hasText: 'Change the rules' }).click();
    await expect(page.getByLabel('A request is large above').inputValue()).resolves.toBe('400.00');
    await expect(page.getByLabel('Approvals a large request needs').inputValue()).resolves.toBe('3');
    await page.getByLabel('A request is large above').fill('0');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByText('Write an amount above 0 and at most 100,000, with at most two decimals.').waitFor();
    await page.getByLabel('A request is large above').fill('300');
    await page.getByLabel('Approvals a large request needs').fill('13');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByText('Choose from 2 to 12 approvals.').waitFor();
    await expectAccessible(page, 'fund rules, refused');
    await page.getByLabel('Approvals a large request needs').fill('4');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByText('The new rules are recorded.', { exact: false }).waitFor();
    await page.getByText('A request for more than 300.00 needs 4 approvals; any other needs 2.', { exact: false }).waitFor();

    // The open request was made under the rules before: its second approval still completes it.
    await expect(page.getByText('Approved, to be paid').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved, to be paid').waitFor();
    await page.getByRole('button', { name: 'Mark as paid' }).waitFor();
    await expectAccessible(page, 'fund rules, changed');

    // The published totals: no name of anyone who asked, and the same text on the clipboard.
    await page.getByRole('link', { name: 'Published totals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Published totals' }).waitFor();
    const rows = page.getByTestId('fund-totals').locator('tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThan(5);
    await page.locator('summary', { hasText: 'The text to share' }).click();
    const text = await page.getByLabel('The text to share').inputValue();
    expect(text).toContain('Emergency fund: published totals');
    expect(text).toContain('Requests: 6 made, 4 approved, 3 paid.');
    expect(text.split('\n').filter((line) => line.startsWith('Cycle from'))).toHaveLength(await rows.count());
    for (const name of names) expect(text).not.toContain(name);
    expect(text).not.toContain('Calle Esperanza');
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('The totals are copied: paste them where you like.').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(text);
    await expectAccessible(page, 'published totals');

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('fund-totals').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await switchLanguage(page, baseUrl, 'es');
    await openScreen(page, baseUrl, '#/fund/totals', 'Totales públicos');
    await page.getByRole('columnheader', { name: 'Saldo al final' }).waitFor();
    await page.locator('summary', { hasText: 'El texto para compartir' }).click();
    const texto = await page.getByLabel('El texto para compartir').inputValue();
    expect(texto).toContain('Fondo de emergencia: totales públicos');
    expect(texto).toContain('Peticiones: 6 hechas, 4 aprobadas, 3 pagadas.');
    for (const name of names) expect(texto).not.toContain(name);
    await expectAccessible(page, 'published totals (es)');
    await openScreen(page, baseUrl, '#/fund', 'Fondo de emergencia');
    await page.getByText('Una petición de más de 300,00 necesita 4 aprobaciones; cualquier otra, 2.', { exact: false }).waitFor();
    await page.locator('summary', { hasText: 'Cambiar las reglas' }).click();
    await page.getByLabel('Aprobaciones que necesita una petición grande').fill('1');
    await page.getByRole('button', { name: 'Guardar las reglas' }).click();
    await page.getByText('Elige de 2 a 12 aprobaciones.').waitFor();
    await expectAccessible(page, 'fund rules (es)');
    expect(errors).toEqual([]);
  });
});
