/** Outcome of asking the browser to keep this origin's data under storage pressure. */
export type PersistResult = 'granted' | 'denied' | 'unsupported';

/** Bytes used and available to this origin, as the browser estimates them. */
export interface StorageEstimateResult {
  readonly usage: number;
  readonly quota: number;
}

let request: Promise<PersistResult> | undefined;

/**
 * Asks once per visit that the circle's data not be evicted. Firefox shows a
 * permission prompt, so the app calls this only after the first record is
 * saved, when the member can see why it matters.
 */
export function requestPersistentStorage(): Promise<PersistResult> {
  request ??= askToPersist();
  return request;
}

async function askToPersist(): Promise<PersistResult> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    // Already persisted (an installed app in Chromium often is): no prompt needed.
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // Some browsers reject instead of answering, e.g. in private windows.
    return 'unsupported';
  }
}

/** Usage and quota, or undefined where the browser does not tell. */
export async function storageEstimate(): Promise<StorageEstimateResult | undefined> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof storage?.estimate !== 'function') return undefined;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? undefined : { usage, quota };
  } catch {
    return undefined;
  }
}
