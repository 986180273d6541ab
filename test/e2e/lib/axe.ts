// Accessibility check for one screen. axe is injected as inline script text
// because the page under test may be offline, with only the service worker.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

interface AxeWindow {
  axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
}

let axeSource: Promise<string> | undefined;

function loadAxe(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

function formatViolation(violation: Result): string {
  const targets = violation.nodes.map((node) => `    ${JSON.stringify(node.target)}`).join('\n');
  return `  ${violation.id} [${violation.impact ?? 'unknown'}] ${violation.help}\n${targets}`;
}

/** Fails on serious or critical violations; lesser ones are returned for the caller to log. */
export async function expectAccessible(page: Page, screenName: string): Promise<AxeResults> {
  const alreadyThere = await page.evaluate(() => 'axe' in window);
  if (!alreadyThere) await page.addScriptTag({ content: await loadAxe() });
  const options: RunOptions = { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] };
  const results = await page.evaluate(
    (runOptions) => (window as unknown as AxeWindow).axe.run(document, runOptions),
    options,
  );
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    throw new Error(`Accessibility violations on "${screenName}":\n${blocking.map(formatViolation).join('\n')}`);
  }
  return results;
}
