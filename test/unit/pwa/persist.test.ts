import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Persist from '../../../src/pwa/persist';

type PersistModule = typeof Persist;

// The module remembers its answer for the whole visit, so each test gets a fresh copy.
async function load(storage: Partial<StorageManager> | undefined): Promise<PersistModule> {
  vi.stubGlobal('navigator', storage === undefined ? {} : { storage });
  vi.resetModules();
  return import('../../../src/pwa/persist');
}

beforeEach(() => {
  vi.unstubAllGlobals();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requestPersistentStorage', () => {
  it('is unsupported without the Storage API', async () => {
    const { requestPersistentStorage } = await load(undefined);
    await expect(requestPersistentStorage()).resolves.toBe('unsupported');
  });

  it('does not ask again when the data is already persisted', async () => {
    const persist = vi.fn(() => Promise.resolve(false));
    const { requestPersistentStorage } = await load({ persisted: () => Promise.resolve(true), persist });
    await expect(requestPersistentStorage()).resolves.toBe('granted');
    expect(persist).not.toHaveBeenCalled();
  });

  it('asks at most once per visit', async () => {
    const persist = vi.fn(() => Promise.resolve(false));
    const { requestPersistentStorage } = await load({ persisted: () => Promise.resolve(false), persist });
    await expect(requestPersistentStorage()).resolves.toBe('denied');
    await expect(requestPersistentStorage()).resolves.toBe('denied');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('reports a grant', async () => {
    const { requestPersistentStorage } = await load({ persist: () => Promise.resolve(true) });
    await expect(requestPersistentStorage()).resolves.toBe('granted');
  });

  it('treats a browser that rejects the request as unsupported', async () => {
    const { requestPersistentStorage } = await load({ persist: () => Promise.reject(new Error('no')) });
    await expect(requestPersistentStorage()).resolves.toBe('unsupported');
  });
});

describe('storageEstimate', () => {
  it('returns usage and quota', async () => {
    const { storageEstimate } = await load({ estimate: () => Promise.resolve({ usage: 10, quota: 100 }) });
    await expect(storageEstimate()).resolves.toEqual({ usage: 10, quota: 100 });
  });

  it('is undefined when the browser does not tell', async () => {
    const { storageEstimate } = await load({ estimate: () => Promise.resolve({}) });
    await expect(storageEstimate()).resolves.toBeUndefined();
    const bare = await load(undefined);
    await expect(bare.storageEstimate()).resolves.toBeUndefined();
  });
});
