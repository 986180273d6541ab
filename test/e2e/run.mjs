// Entry point of the browser tests. They run inside a network namespace of
// their own: WebRTC then finds host candidates on a private veth pair, and no
// test traffic can reach any other machine.
import { existsSync } from 'node:fs';
import { insideNamespace, rerunInNamespace, runAndExit } from './netns.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);
const args = process.argv.slice(2);

function fail(message) {
  process.stderr.write(`\ntest/e2e/run.mjs: ${message}\n\n`);
  process.exit(1);
}

function explainNoNamespace(detail) {
  const lines = [
    'cannot create the network namespace the browser tests run in.',
    detail.trim(),
    'A browser test that cannot run is a failure, not a pass.',
  ];
  if (process.env.CI !== 'true') {
    lines.push(
      'To fix: run as root (or allow unprivileged user namespaces: sysctl kernel.unprivileged_userns_clone=1),',
      'and install the tools: apt-get install -y iproute2 util-linux',
    );
  }
  fail(lines.filter(Boolean).join('\n  '));
}

if (!existsSync(join(root, 'dist', 'index.html'))) {
  fail('dist/index.html is missing. Build first: npm run build (npm run test:e2e does both).');
}

if (insideNamespace()) {
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  if (!existsSync(vitest)) fail('vitest is not installed: run npm install.');
  runAndExit(process.execPath, [vitest, 'run', '-c', 'vitest.e2e.config.ts', ...args], process.env, 'test/e2e/run.mjs');
} else {
  rerunInNamespace('test/e2e/run.mjs', args, 'test/e2e/run.mjs', explainNoNamespace);
}
