// Opening the app re-reads this phone's records without checking their
// signatures, so the curve arithmetic (records/signatures.ts and what
// imports it) loads only with what signs or checks: the first load is
// smaller by its size (bench bundle.critical_kb). A static import of it from
// anything the entry reaches would quietly undo that; this walks the entry's
// static imports in the sources and says which chain brought it in.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const ENTRY = resolve(SRC, 'main.tsx');

/** Static imports and re-exports that stay in the built code (type-only ones do not). */
function staticSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers: string[] = [];
  for (const match of code.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (match[1] === undefined) specifiers.push(match[2]!);
  }
  return specifiers;
}

function resolveLocal(specifier: string, from: string): string {
  const base = resolve(dirname(from), specifier);
  const found = [base, `${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts')].find((path) => existsSync(path) && !path.endsWith('/'));
  if (found === undefined) throw new Error(`cannot resolve ${specifier} from ${from}`);
  return found;
}

/** Every file and package the entry reaches by static imports, each with the file that first imported it. */
function firstLoad(): Map<string, string | null> {
  const reachedFrom = new Map<string, string | null>([[ENTRY, null]]);
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!/\.tsx?$/.test(file)) continue;
    for (const specifier of staticSpecifiers(readFileSync(file, 'utf8'))) {
      const target = specifier.startsWith('.') ? resolveLocal(specifier, file) : specifier;
      if (reachedFrom.has(target)) continue;
      reachedFrom.set(target, file);
      if (specifier.startsWith('.')) queue.push(target);
    }
  }
  return reachedFrom;
}

function chainTo(target: string, reached: Map<string, string | null>): string {
  const chain: string[] = [];
  for (let at: string | null | undefined = target; at != null; at = reached.get(at)) {
    chain.unshift(at.startsWith(SRC) ? relative(SRC, at) : at);
  }
  return chain.join(' -> ');
}

describe('the first load', () => {
  const reached = firstLoad();

  it('reaches what opening a circle needs', () => {
    for (const needed of ['replica/replica.ts', 'records/validate.ts', 'records/crypto.ts', 'app/open-circle.ts']) {
      expect(reached.has(resolve(SRC, needed)), needed).toBe(true);
    }
    expect(reached.has('yjs')).toBe(true);
  });

  it('does not reach the code that makes or checks signatures', () => {
    const signing = ['records/signatures.ts', 'records/verify-record.ts', 'records/make.ts'].map((path) => resolve(SRC, path));
    const packages = [...reached.keys()].filter((key) => key.startsWith('@noble/curves'));
    const found = [...signing.filter((path) => reached.has(path)), ...packages];
    expect(found.map((target) => chainTo(target, reached))).toEqual([]);
  });
});
