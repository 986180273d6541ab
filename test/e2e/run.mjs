// Entry point of the browser tests. They run inside a network namespace of
// their own: WebRTC then finds host candidates on a private veth pair, and no
// test traffic can reach any other machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);
const args = process.argv.slice(2);

const NETNS_SETUP = `set -e
ip link set lo up
ip link add v0 type veth peer name v1
ip addr add 10.233.0.1/24 dev v0
ip addr add 10.233.0.2/24 dev v1
ip link set v0 up
ip link set v1 up
ip route add default via 10.233.0.2 dev v0
`;

function fail(message) {
  process.stderr.write(`\ntest/e2e/run.mjs: ${message}\n\n`);
  process.exit(1);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command with inherited stdio and exits with its status. */
function runAndExit(command, commandArgs, env) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  // Ctrl-C already reaches the child through the terminal; stay alive to pass on its status.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => {
    if (signal !== null) process.stderr.write(`test/e2e/run.mjs: ${command} ended by ${signal}\n`);
    process.exit(code ?? 1);
  });
}

/** Root makes the namespace directly; anyone else needs an unprivileged user namespace around it. */
function unshareFlags() {
  return process.getuid?.() === 0 ? ['--net'] : ['--user', '--map-root-user', '--net'];
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

if (process.env.TALLY_IN_NETNS === '1') {
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  if (!existsSync(vitest)) fail('vitest is not installed: run npm install.');
  runAndExit(process.execPath, [vitest, 'run', '-c', 'vitest.e2e.config.ts', ...args], process.env);
} else {
  const missing = ['unshare', 'ip'].filter((command) => !has(command));
  if (missing.length > 0) explainNoNamespace(`missing commands: ${missing.join(', ')}`);
  // A dry run of the same recipe, so a refusal is reported as such rather than
  // looking like a test failure.
  const probe = spawnSync('unshare', [...unshareFlags(), 'sh', '-c', NETNS_SETUP], { encoding: 'utf8' });
  if (probe.status !== 0) explainNoNamespace(`${probe.stderr ?? ''}${probe.error?.message ?? ''}`);
  const script = `${NETNS_SETUP}exec env TALLY_IN_NETNS=1 "$TALLY_NODE" test/e2e/run.mjs "$@"\n`;
  runAndExit('unshare', [...unshareFlags(), 'sh', '-c', script, 'sh', ...args], {
    ...process.env,
    TALLY_NODE: process.execPath,
  });
}
