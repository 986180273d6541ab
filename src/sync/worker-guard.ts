/**
 * The browser's guard: each update is decoded in a worker; one that takes
 * longer than the limit is answered 'timeout' and the worker is replaced, so
 * a hostile update costs the phone a second, not the app.
 */
import { precheck } from './guard';
import type { GuardVerdict, UpdateGuard } from './guard';

export interface WorkerGuardOptions {
  /** Milliseconds per megabyte, with a floor: big honest updates take longer to decode. */
  readonly msPerMegabyte?: number;
  readonly minimumMs?: number;
  readonly spawn?: () => Worker;
}

const defaultSpawn = (): Worker => new Worker(new URL('./guard.worker.ts', import.meta.url), { type: 'module' });

export function createWorkerGuard(options: WorkerGuardOptions = {}): UpdateGuard {
  const spawn = options.spawn ?? defaultSpawn;
  const msPerMegabyte = options.msPerMegabyte ?? 2000;
  const minimumMs = options.minimumMs ?? 1000;
  let worker: Worker | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const run = (update: Uint8Array): Promise<GuardVerdict> =>
    new Promise((resolve) => {
      worker ??= spawn();
      const current = worker;
      const limit = Math.max(minimumMs, (update.length / 1_048_576) * msPerMegabyte);
      const timer = setTimeout(() => {
        current.terminate();
        if (worker === current) worker = null;
        resolve('timeout');
      }, limit);
      current.onmessage = (event: MessageEvent<GuardVerdict>) => {
        clearTimeout(timer);
        resolve(event.data);
      };
      current.onerror = () => {
        clearTimeout(timer);
        current.terminate();
        if (worker === current) worker = null;
        resolve('malformed');
      };
      current.postMessage(update);
    });

  return {
    check: (update) => {
      const early = precheck(update);
      if (early !== null) return Promise.resolve(early);
      // One check at a time: a worker answers messages in order, and a timeout replaces it.
      const result = queue.then(() => run(update));
      queue = result.catch(() => undefined);
      return result;
    },
    dispose: () => {
      worker?.terminate();
      worker = null;
    },
  };
}
