// A page for the unlock bench: the app has no lock screen yet, so a few lines
// that import src/replica/passphrase.ts are built here with Vite and served on
// loopback (a secure context, so WebCrypto is there as it is for the app).
//
// The timing loop lives in the page's own entry, built by Vite: the bench
// runner compiles TypeScript with helpers (function naming) that do not exist
// in the page, so nothing is passed in as a function.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startStaticServer } from '../../test/e2e/lib/server';
import type { StaticServer } from '../../test/e2e/lib/server';

export interface UnlockTimings {
  readonly iterations: number;
  /** The measured unlocks, in ms, after the warm-up ones. */
  readonly durations: readonly number[];
}

/** The page's entry: locks one envelope at the default parameters, then times unlockEnvelope. */
function entry(): string {
  const passphrase = JSON.stringify(resolve('src/replica/passphrase.ts'));
  const envelope = JSON.stringify(resolve('src/replica/key-envelope.ts'));
  return `import { lockEnvelope, unlockEnvelope, PBKDF2_ITERATIONS } from ${passphrase};
import { sealSecrets } from ${envelope};

const random = (length) => crypto.getRandomValues(new Uint8Array(length));
const same = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i]);

window.benchUnlock = async (warmup, runs) => {
  const plain = sealSecrets({ signingSeed: random(32), boxSeed: random(32), circleSecret: random(32) });
  const passphrase = 'seven words a member can type on a phone';
  const envelope = await lockEnvelope(plain, passphrase, random);
  const durations = [];
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    const opened = await unlockEnvelope(envelope, passphrase);
    const elapsed = performance.now() - started;
    if (typeof opened === 'string' || !same(opened.secrets, plain.secrets)) throw new Error('the envelope did not open: ' + String(opened));
    if (i >= warmup) durations.push(elapsed);
  }
  if (envelope.kdf.iterations !== PBKDF2_ITERATIONS) throw new Error("not locked at the default iterations");
  return { iterations: envelope.kdf.iterations, durations };
};
document.body.dataset.ready = 'yes';
`;
}

export interface UnlockPage {
  readonly url: string;
  stop(): Promise<void>;
}

export async function serveUnlockPage(): Promise<UnlockPage> {
  const dir = await mkdtemp(join(tmpdir(), 'tally-bench-unlock-'));
  try {
    await writeFile(join(dir, 'entry.js'), entry());
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unlock</title><link rel="icon" href="data:,"></head>' +
        '<body><script type="module" src="./entry.js"></script></body></html>',
    );
    await build({
      configFile: false,
      root: dir,
      base: './',
      logLevel: 'warn',
      build: { outDir: join(dir, 'dist'), emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
    });
    const server: StaticServer = await startStaticServer({ root: join(dir, 'dist') });
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
