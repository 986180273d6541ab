// What a first visit downloads before the app can show anything: the entry
// script, everything it imports statically, and the stylesheets index.html
// links, plus one language: the app awaits the catalogue of the language it
// shows before the first render, so the larger one (and what it imports) is
// counted. Other chunks behind dynamic import() load later and are left out.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

const dist = resolve(process.argv[2] ?? 'dist');

// KB here means 1024 bytes.
const kb = (bytes) => (bytes / 1024).toFixed(1);
const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function attributes(tag) {
  const found = {};
  for (const match of tag.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return found;
}

/** Maps a URL in the built HTML or JS to a file in dist/, or undefined for other origins. */
function toFile(url, fromDir) {
  if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
  const path = url.split(/[?#]/)[0];
  return path.startsWith('/') ? join(dist, path) : resolve(fromDir, path);
}

function entryPoints() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [];
  const styles = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const a = attributes(tag.slice(1, -1));
    const isScript = tag.toLowerCase().startsWith('<script');
    if (isScript && a.type === 'module' && a.src) scripts.push(toFile(a.src, dist));
    if (!isScript && a.rel === 'modulepreload' && a.href) scripts.push(toFile(a.href, dist));
    if (!isScript && a.rel === 'stylesheet' && a.href) styles.push(toFile(a.href, dist));
  }
  return { scripts: scripts.filter(Boolean), styles: styles.filter(Boolean) };
}

function staticImports(file) {
  const ast = parseAst(readFileSync(file, 'utf8'));
  const sources = [];
  for (const node of ast.body) {
    const isStatic =
      node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration';
    if (isStatic && node.source) sources.push(node.source.value);
  }
  return sources.map((source) => toFile(source, dirname(file))).filter(Boolean);
}

function withStaticImports(roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

function languageChunks() {
  return allJs(join(dist, 'assets')).filter((file) => /\/language-[a-z]{2}-[\w-]+\.js$/.test(file));
}

function criticalFiles() {
  const { scripts, styles } = entryPoints();
  if (scripts.length === 0) throw new Error('no module script found in dist/index.html');
  const shell = withStaticImports(scripts);
  const languages = languageChunks();
  if (languages.length === 0) throw new Error('no language chunk (language-xx-*.js) found in dist/assets');
  const extra = (file) => [...withStaticImports([file])].filter((f) => !shell.has(f));
  const largest = languages.map(extra).sort((a, b) => sum(b) - sum(a))[0];
  return [...shell, ...largest, ...new Set(styles)];
}

function allJs(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.m?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const sum = (files) => files.reduce((total, file) => total + gzipped(file), 0);
const critical = criticalFiles();
for (const file of critical) process.stderr.write(`critical: ${relative(dist, file)} ${kb(gzipped(file))} KB gz\n`);
process.stdout.write(`bundle.critical_kb ${kb(sum(critical))} KB\n`);
// Every script the build ships, the service worker and its runtime included.
process.stdout.write(`bundle.total_kb ${kb(sum(allJs(dist)))} KB\n`);
