// defense.unlock_ms: what the app lock costs a member at each unlock: one
// unlockEnvelope (PBKDF2-HMAC-SHA256 through WebCrypto at the default
// iterations, HKDF, XChaCha20-Poly1305) in Chromium. By design it takes between
// 300 and 1,500 ms on a phone: less and the iterations could be raised, since
// every guess an attacker makes offline costs the same work; more and the
// member waits too long at every unlock.
//
// Setup (not measured): a page built with Vite from src/replica/passphrase.ts
// (bench/lib/unlock-page.ts) locks random secrets at the default parameters.
// Measured: performance.now() around each unlockEnvelope in the page, one
// warm-up, then the median of 5.
//
// defense.unlock_iterations: the PBKDF2 iteration count the envelope was locked with.
import { launchBrowser } from '../test/e2e/lib/browser';
import { report } from './lib/print';
import { median, note, summary } from './lib/stats';
import { serveUnlockPage } from './lib/unlock-page';
import type { UnlockTimings } from './lib/unlock-page';

const WARMUP = 1;
const RUNS = 5;

const page = await serveUnlockPage();
try {
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    await tab.goto(`${page.url}/index.html`);
    await tab.locator('body[data-ready="yes"]').waitFor({ state: 'attached' });
    const timings = await tab.evaluate<UnlockTimings>(`window.benchUnlock(${WARMUP}, ${RUNS})`);
    note(`unlock: ${timings.iterations} iterations; runs (ms) ${summary(timings.durations, 1)}`);
    report('defense.unlock_ms', median(timings.durations), 'ms', 0);
    report('defense.unlock_iterations', timings.iterations, 'count', 0);
  } finally {
    await browser.close();
  }
} finally {
  await page.stop();
}
