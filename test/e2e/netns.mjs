// Runs a Node script inside a network namespace of its own (a private veth
// pair, no route to any other machine): where the browser tests and the
// browser benchmarks run, so WebRTC finds host candidates and no traffic leaves.
import { spawn, spawnSync } from 'node:child_process';

const NETNS_SETUP = `set -e
ip link set lo up
ip link add v0 type veth peer name v1
ip addr add 10.233.0.1/24 dev v0
ip addr add 10.233.0.2/24 dev v1
ip link set v0 up
ip link set v1 up
ip route add default via 10.233.0.2 dev v0
`;

export function insideNamespace() {
  return process.env.TALLY_IN_NETNS === '1';
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Root makes the namespace directly; anyone else needs an unprivileged user namespace around it. */
function unshareFlags() {
  return process.getuid?.() === 0 ? ['--net'] : ['--user', '--map-root-user', '--net'];
}

/** Runs a command with inherited stdio and exits with its status. */
export function runAndExit(command, commandArgs, env, name) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  // Ctrl-C already reaches the child through the terminal; stay alive to pass on its status.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => {
    if (signal !== null) process.stderr.write(`${name}: ${command} ended by ${signal}\n`);
    process.exit(code ?? 1);
  });
}

/**
 * Re-runs `script` (a path relative to the repository root) with `args` inside a
 * new namespace, or calls fail(detail) when one cannot be made.
 */
export function rerunInNamespace(script, args, name, fail) {
  const missing = ['unshare', 'ip'].filter((command) => !has(command));
  if (missing.length > 0) return fail(`missing commands: ${missing.join(', ')}`);
  // A dry run of the same recipe, so a refusal is reported as such rather than
  // looking like a failure of what runs inside.
  const probe = spawnSync('unshare', [...unshareFlags(), 'sh', '-c', NETNS_SETUP], { encoding: 'utf8' });
  if (probe.status !== 0) return fail(`${probe.stderr ?? ''}${probe.error?.message ?? ''}`);
  const command = `${NETNS_SETUP}exec env TALLY_IN_NETNS=1 "$TALLY_NODE" ${script} "$@"\n`;
  return runAndExit('unshare', [...unshareFlags(), 'sh', '-c', command, 'sh', ...args], { ...process.env, TALLY_NODE: process.execPath }, name);
}
