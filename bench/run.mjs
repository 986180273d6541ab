// Runs every bench and passes on only their `name value unit` lines, so stdout
// is the result set; progress and anything else goes to stderr.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { insideNamespace, rerunInNamespace } from '../test/e2e/netns.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const TIMEOUT_MS = Number(process.env.TALLY_BENCH_TIMEOUT_MS ?? 600_000);
const RESULT = /^\S+ -?\d+(\.\d+)?([eE][-+]?\d+)? \S+$/;

if (!existsSync(join(root, 'dist', 'index.html'))) {
  process.stderr.write('bench/run.mjs: dist/index.html is missing; run npm run build first (npm run bench does).\n');
  process.exit(1);
}

// Browser benches (WebRTC among them) run where the browser tests run: in a
// network namespace of their own, so no traffic can leave the machine.
if (!insideNamespace()) {
  rerunInNamespace('bench/run.mjs', process.argv.slice(2), 'bench/run.mjs', (detail) => {
    process.stderr.write(`bench/run.mjs: cannot create the network namespace the benches run in.\n  ${detail.trim()}\n`);
    process.exit(1);
  });
} else {
  await runAll();
}

async function runAll() {
const files = readdirSync('bench').sort();
const browserBenches = files.filter((name) => name.endsWith('.browser.bench.ts'));
const nodeBenches = files.filter((name) => name.endsWith('.bench.ts') && !browserBenches.includes(name));
// `npm run bench -- sync startup` runs only the benches whose file names contain one of the words.
const only = process.argv.slice(2);
const plan = [
  { file: 'bench/bundle.mjs', command: process.execPath, args: ['bench/bundle.mjs'] },
  ...[...nodeBenches, ...browserBenches].map((name) => ({
    file: `bench/${name}`,
    command: 'npx',
    args: ['--no', 'tsx', `bench/${name}`],
  })),
].filter((step) => only.length === 0 || only.some((word) => step.file.includes(word)));

let current;
// The bench runs in its own process group so a timeout can stop all of it;
// an interrupt here must then be passed on by hand.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current !== undefined) stopGroup(current.pid, 'SIGTERM');
    process.exit(1);
  });
}

function stopGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Resolves with a failure reason, or undefined when the bench ran cleanly. */
function runBench({ file, command, args }) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    current = child;
    let results = 0;
    let problem;
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (RESULT.test(line)) {
        results += 1;
        process.stdout.write(`${line}\n`);
      } else {
        problem ??= `printed a line that is not "name value unit": ${JSON.stringify(line)}`;
        process.stderr.write(`[${file}] ${line}\n`);
      }
    });
    const timer = setTimeout(() => {
      problem = `still running after ${TIMEOUT_MS} ms`;
      stopGroup(child.pid, 'SIGTERM');
      setTimeout(() => stopGroup(child.pid, 'SIGKILL'), 10_000).unref();
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      problem ??= error.message;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      if (code !== 0) problem ??= `exited with ${code ?? signal}`;
      if (results === 0) problem ??= 'reported no results';
      done(problem);
    });
  });
}

const failures = [];
for (const bench of plan) {
  const started = Date.now();
  process.stderr.write(`[bench] ${bench.file}\n`);
  const problem = await runBench(bench);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problem === undefined) {
    process.stderr.write(`[bench] ${bench.file} done in ${seconds} s\n`);
  } else {
    failures.push(`${bench.file}: ${problem}`);
    process.stderr.write(`[bench] ${bench.file} FAILED after ${seconds} s: ${problem}\n`);
  }
}
if (failures.length > 0) {
  process.stderr.write(`\n${failures.length} bench(es) failed:\n  ${failures.join('\n  ')}\n`);
  process.exit(1);
}
}
