// Serves the built app once for the whole run, and gives every Chromium a
// scratch directory that is swept at the end, even if a worker died mid-test.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './lib/server';
import type { StaticServer } from './lib/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> serving dist/; shared, so never stop it from a test. */
    baseUrl: string;
    /** Absolute path of dist/, for tests that run (and stop) their own server. */
    distDir: string;
  }
}

let server: StaticServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const distDir = resolve('dist');
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` before the browser tests.');
  }
  // Workers are forked after setup, so they inherit this.
  process.env['TALLY_E2E_TMPDIR'] = mkdtempSync(join(tmpdir(), 'tally-e2e-'));
  server = await startStaticServer({ root: distDir });
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
}

/** Kills browsers a crashed worker left behind, checking each pid is still ours. */
function killLeftovers(dir: string): void {
  const pids = join(dir, 'pids');
  if (!existsSync(pids)) return;
  for (const name of readdirSync(pids)) {
    const pid = Number(name);
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes(dir)) continue;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Exited in the meantime.
    }
  }
}

export async function teardown(): Promise<void> {
  await server?.stop();
  const scratch = process.env['TALLY_E2E_TMPDIR'];
  if (scratch !== undefined) {
    killLeftovers(scratch);
    rmSync(scratch, { recursive: true, force: true });
  }
}
