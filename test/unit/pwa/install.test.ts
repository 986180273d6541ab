import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Install from '../../../src/pwa/install';

type InstallModule = typeof Install;

interface FakeWindow extends EventTarget {
  navigator: { standalone?: boolean; userAgent: string; maxTouchPoints: number };
  matchMedia: (query: string) => { matches: boolean };
}

function fakeWindow(options: { standaloneQuery?: boolean; iosFlag?: boolean; userAgent?: string; touchPoints?: number } = {}): FakeWindow {
  const target = new EventTarget() as FakeWindow;
  target.navigator = { userAgent: options.userAgent ?? 'Mozilla/5.0 (Linux; Android 14)', maxTouchPoints: options.touchPoints ?? 5 };
  if (options.iosFlag !== undefined) target.navigator.standalone = options.iosFlag;
  target.matchMedia = (query) => ({ matches: query === '(display-mode: standalone)' && options.standaloneQuery === true });
  return target;
}

async function load(win: FakeWindow): Promise<InstallModule> {
  vi.stubGlobal('window', win);
  vi.stubGlobal('navigator', win.navigator);
  vi.resetModules();
  return import('../../../src/pwa/install');
}

function installEvent(outcome: 'accepted' | 'dismissed'): Event & { prompt: () => Promise<void> } {
  const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
    prompt: () => Promise<void>;
    userChoice: Promise<{ outcome: string }>;
  };
  event.prompt = vi.fn(() => Promise.resolve());
  event.userChoice = Promise.resolve({ outcome });
  return event;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('install prompt', () => {
  it('is unavailable until the browser offers it', async () => {
    const { canPromptInstall, promptInstall } = await load(fakeWindow());
    expect(canPromptInstall()).toBe(false);
    await expect(promptInstall()).resolves.toBe('unavailable');
  });

  it('captures the offer, keeps the browser infobar away, and prompts once', async () => {
    const win = fakeWindow();
    const { listenForInstallPrompt, onInstallAvailable, canPromptInstall, promptInstall } = await load(win);
    listenForInstallPrompt();
    const seen: boolean[] = [];
    onInstallAvailable((available) => seen.push(available));
    const event = installEvent('accepted');
    win.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(canPromptInstall()).toBe(true);
    await expect(promptInstall()).resolves.toBe('accepted');
    expect(event.prompt).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([true, false]);
    await expect(promptInstall()).resolves.toBe('unavailable');
  });

  it('tells a late subscriber at once, and forgets the offer after an install', async () => {
    const win = fakeWindow();
    const { listenForInstallPrompt, onInstallAvailable, canPromptInstall } = await load(win);
    listenForInstallPrompt();
    win.dispatchEvent(installEvent('dismissed'));
    const seen: boolean[] = [];
    const stop = onInstallAvailable((available) => seen.push(available));
    win.dispatchEvent(new Event('appinstalled'));
    expect(canPromptInstall()).toBe(false);
    stop();
    win.dispatchEvent(installEvent('dismissed'));
    expect(seen).toEqual([true, false]);
  });

  it('reports a dismissal', async () => {
    const win = fakeWindow();
    const { listenForInstallPrompt, promptInstall } = await load(win);
    listenForInstallPrompt();
    win.dispatchEvent(installEvent('dismissed'));
    await expect(promptInstall()).resolves.toBe('dismissed');
  });
});

describe('platform checks', () => {
  it('knows when it runs from the home screen', async () => {
    expect((await load(fakeWindow())).isStandalone()).toBe(false);
    expect((await load(fakeWindow({ standaloneQuery: true }))).isStandalone()).toBe(true);
    expect((await load(fakeWindow({ iosFlag: true }))).isStandalone()).toBe(true);
  });

  it('recognises iPhone and iPad, including iPadOS posing as a Mac', async () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)';
    const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)';
    expect((await load(fakeWindow({ userAgent: iphone }))).isIosDevice()).toBe(true);
    expect((await load(fakeWindow({ userAgent: mac, touchPoints: 5 }))).isIosDevice()).toBe(true);
    expect((await load(fakeWindow({ userAgent: mac, touchPoints: 0 }))).isIosDevice()).toBe(false);
    expect((await load(fakeWindow())).isIosDevice()).toBe(false);
  });
});
