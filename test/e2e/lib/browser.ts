// Launches Debian's Chromium ourselves and attaches playwright-core over CDP.
// Owning the process (rather than letting Playwright launch it) is what lets a
// test SIGKILL the browser mid-write and relaunch it on the same profile.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const DEVTOOLS_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 10_000;

export interface LaunchOptions {
  /** Reuse a profile (after kill() or close()) to test what survived; absent means a fresh one. */
  readonly profileDir?: string;
  /** A .y4m file that Chromium loops as the only camera. */
  readonly cameraFile?: string;
  readonly extraArgs?: readonly string[];
}

export interface LaunchedBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly pid: number;
  readonly profileDir: string;
  newPage(): Promise<Page>;
  /** SIGKILL, like a phone's OS killing the app: no unload handlers, no flush. */
  kill(): Promise<void>;
  /** A clean shutdown that lets Chromium flush the profile. */
  close(): Promise<void>;
}

const live = new Set<number>();
const madeProfiles = new Set<string>();

function cleanUp(): void {
  for (const pid of live) killGroup(pid);
  for (const dir of madeProfiles) rmSync(dir, { recursive: true, force: true });
}

let hooked = false;

// A test process can end without anyone calling close(), and Chromium runs in
// its own process group, so nothing else would stop it: it would keep the
// network namespace and the CPU busy.
function hookProcessEnd(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanUp();
      // Keep the signal's usual effect unless someone else handles it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

function killGroup(pid: number): void {
  try {
    // Spawned detached, so the browser leads its own group: renderers and the
    // GPU process go with it.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The run-wide scratch directory that global-setup makes and sweeps, if there is one. */
function scratchRoot(): string {
  return process.env['TALLY_E2E_TMPDIR'] ?? tmpdir();
}

function recordPid(pid: number, add: boolean): void {
  const dir = process.env['TALLY_E2E_TMPDIR'];
  if (dir === undefined) return;
  const file = join(dir, 'pids', String(pid));
  if (add) {
    mkdirSync(join(dir, 'pids'), { recursive: true });
    writeFileSync(file, '');
  } else {
    rmSync(file, { force: true });
  }
}

function chromiumArgs(profileDir: string, options: LaunchOptions): string[] {
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter',
    '--lang=en-US',
    '--remote-debugging-port=0',
    `--user-data-dir=${profileDir}`,
  ];
  if (options.cameraFile !== undefined) {
    args.push(
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${options.cameraFile}`,
    );
  }
  args.push(...(options.extraArgs ?? []), 'about:blank');
  return args;
}

/** Resolves with the DevTools URL, keeping a tail of stderr for error messages. */
function waitForDevTools(child: ChildProcess, tail: string[]): Promise<string> {
  return new Promise((done, fail) => {
    let pending = '';
    const timer = setTimeout(() => {
      fail(new Error(`Chromium printed no DevTools URL within ${DEVTOOLS_TIMEOUT_MS} ms:\n${tail.join('\n')}`));
    }, DEVTOOLS_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`Chromium exited (${code ?? signal}) before DevTools was ready:\n${tail.join('\n')}`));
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (process.env['TALLY_E2E_DEBUG'] === '1') process.stderr.write(`[chromium ${child.pid}] ${line}\n`);
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(line);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          done(match[1]);
        }
      }
    });
  });
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing. Install it with: apt-get install -y chromium`);
  }
  hookProcessEnd();
  let profileDir = options.profileDir;
  if (profileDir === undefined) {
    profileDir = await mkdtemp(join(scratchRoot(), 'tally-profile-'));
    madeProfiles.add(profileDir);
  }
  // A killed Chromium leaves its lock behind and would refuse the profile.
  for (const name of ['SingletonLock', 'SingletonSocket', 'SingletonCookie']) {
    await rm(join(profileDir, name), { force: true });
  }

  const child = spawn(CHROMIUM_PATH, chromiumArgs(profileDir, options), {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${CHROMIUM_PATH}`);
  live.add(pid);
  recordPid(pid, true);
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      live.delete(pid);
      recordPid(pid, false);
      done();
    });
  });

  const tail: string[] = [];
  let browser: Browser;
  try {
    const wsUrl = await waitForDevTools(child, tail);
    browser = await chromium.connectOverCDP(wsUrl, { timeout: DEVTOOLS_TIMEOUT_MS });
  } catch (error) {
    killGroup(pid);
    await exited;
    throw error;
  }
  const context = browser.contexts()[0];
  if (context === undefined) throw new Error('Chromium started without its default context');
  await context.grantPermissions(['camera']);

  const kill = async (): Promise<void> => {
    killGroup(pid);
    await exited;
  };
  const close = async (): Promise<void> => {
    if (!live.has(pid)) return;
    try {
      const session = await browser.newBrowserCDPSession();
      await session.send('Browser.close');
    } catch {
      // The connection may drop before the reply arrives; the exit below is what counts.
    }
    const timer = setTimeout(() => killGroup(pid), CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    // Helpers that outlive the browser process would hold the namespace open.
    killGroup(pid);
  };
  return {
    browser,
    context,
    pid,
    profileDir,
    newPage: () => context.newPage(),
    kill,
    close,
  };
}

/**
 * Records console errors and uncaught exceptions from the moment it is called;
 * assert the returned array is empty at the end of a test.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
  page.on('crash', () => errors.push('page crashed'));
  return errors;
}
