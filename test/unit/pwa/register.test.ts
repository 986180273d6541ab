import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Register from '../../../src/pwa/register';

type RegisterModule = typeof Register;

class FakeWorker extends EventTarget {
  state = 'installing';
  setState(state: string): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
}

// Stands in for workbox-window: records the listeners and lets a test fire its events.
interface FakeWorkbox {
  fire(type: string, props?: object): void;
  readonly messageSkipWaiting: () => void;
  readonly update: () => Promise<void>;
}
const fake = vi.hoisted(() => {
  const state: { instances: FakeWorkbox[]; registration: unknown } = { instances: [], registration: undefined };
  return state;
});

vi.mock('workbox-window', () => ({
  Workbox: class {
    readonly listeners = new Map<string, ((event: object) => void)[]>();
    readonly messageSkipWaiting = vi.fn();
    readonly update = vi.fn(() => Promise.resolve());
    constructor() {
      fake.instances.push(this);
    }
    addEventListener(type: string, listener: (event: object) => void): void {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    register(): Promise<unknown> {
      return Promise.resolve(fake.registration);
    }
    fire(type: string, props: object = {}): void {
      for (const listener of this.listeners.get(type) ?? []) listener({ type, ...props });
    }
  },
}));

let container: { controller: FakeWorker | null };
let reload: ReturnType<typeof vi.fn>;
let registration: FakeRegistration;

async function start(options: { controlled: boolean; prod?: boolean }): Promise<RegisterModule> {
  vi.stubEnv('PROD', options.prod ?? true);
  registration = new FakeRegistration();
  fake.registration = registration;
  container = { controller: options.controlled ? new FakeWorker() : null };
  if (options.controlled) registration.active = container.controller;
  vi.stubGlobal('navigator', { serviceWorker: container, onLine: true });
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  reload = vi.fn();
  vi.stubGlobal('window', { location: { reload } });
  vi.resetModules();
  const module = await import('../../../src/pwa/register');
  module.registerServiceWorker();
  // workbox-window is imported on demand, after the first screen.
  await vi.dynamicImportSettled();
  await Promise.resolve();
  await Promise.resolve();
  return module;
}

function workbox(): FakeWorkbox {
  const last = fake.instances.at(-1);
  if (last === undefined) throw new Error('no Workbox was made');
  return last;
}

function installUpdate(): FakeWorker {
  const worker = new FakeWorker();
  registration.installing = worker;
  registration.dispatchEvent(new Event('updatefound'));
  registration.installing = null;
  registration.waiting = worker;
  worker.setState('installed');
  return worker;
}

beforeEach(() => {
  fake.instances.length = 0;
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('registerServiceWorker', () => {
  it('does nothing outside production builds', async () => {
    await start({ controlled: false, prod: false });
    expect(fake.instances).toHaveLength(0);
  });

  it('registers once, however often it is called', async () => {
    const { registerServiceWorker } = await start({ controlled: false });
    registerServiceWorker();
    await vi.dynamicImportSettled();
    expect(fake.instances).toHaveLength(1);
  });
});

describe('offline ready', () => {
  it('fires on the first install and replays to late listeners', async () => {
    const { onOfflineReady } = await start({ controlled: false });
    const early = vi.fn();
    onOfflineReady(early);
    workbox().fire('activated', {});
    const late = vi.fn();
    onOfflineReady(late);
    expect(early).toHaveBeenCalledTimes(1);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('stays quiet when a later version activates', async () => {
    const { onOfflineReady } = await start({ controlled: true });
    const listener = vi.fn();
    onOfflineReady(listener);
    workbox().fire('activated', { isUpdate: true });
    workbox().fire('activated', { isExternal: true });
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('update flow', () => {
  it('does not report the first install as an update', async () => {
    const { onUpdateReady } = await start({ controlled: false });
    const listener = vi.fn();
    onUpdateReady(listener);
    registration.active = null;
    installUpdate();
    expect(listener).not.toHaveBeenCalled();
  });

  it('reports each new waiting version once, and a version already waiting at start', async () => {
    const { onUpdateReady } = await start({ controlled: true });
    const listener = vi.fn();
    onUpdateReady(listener);
    installUpdate();
    installUpdate();
    expect(listener).toHaveBeenCalledTimes(2);

    registration = new FakeRegistration();
    registration.active = new FakeWorker();
    registration.waiting = new FakeWorker();
    fake.registration = registration;
    vi.resetModules();
    const again = await import('../../../src/pwa/register');
    again.registerServiceWorker();
    await vi.dynamicImportSettled();
    await Promise.resolve();
    await Promise.resolve();
    const late = vi.fn();
    again.onUpdateReady(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('never reloads on its own, and reloads after the tap only once the new worker controls', async () => {
    const { onUpdateReady, applyUpdate } = await start({ controlled: true });
    onUpdateReady(() => undefined);
    const worker = installUpdate();
    expect(reload).not.toHaveBeenCalled();
    applyUpdate();
    expect(workbox().messageSkipWaiting).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    container.controller = worker;
    workbox().fire('controlling');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('ignores the tap when nothing is waiting', async () => {
    const { applyUpdate } = await start({ controlled: true });
    applyUpdate();
    expect(workbox().messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('does not reload when the first install takes control', async () => {
    const { onUpdateReady } = await start({ controlled: false });
    const listener = vi.fn();
    onUpdateReady(listener);
    container.controller = new FakeWorker();
    workbox().fire('controlling');
    expect(reload).not.toHaveBeenCalled();
    expect(listener).not.toHaveBeenCalled();
  });

  it('when another tab switched versions, says so and reloads only on the tap', async () => {
    const { onUpdateReady, applyUpdate } = await start({ controlled: true });
    const listener = vi.fn();
    onUpdateReady(listener);
    container.controller = new FakeWorker();
    workbox().fire('controlling', { isExternal: true });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    applyUpdate();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('looks for a new version when brought back to the front, at most hourly and only online', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date'] });
    try {
      await start({ controlled: true });
      const back = (): void => void document.dispatchEvent(new Event('visibilitychange'));
      back();
      expect(workbox().update).not.toHaveBeenCalled();
      vi.setSystemTime(60 * 60 * 1000 + 1);
      (navigator as { onLine: boolean }).onLine = false;
      back();
      expect(workbox().update).not.toHaveBeenCalled();
      (navigator as { onLine: boolean }).onLine = true;
      back();
      back();
      expect(workbox().update).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
