// A static server for dist/. Written on node:http rather than `vite preview`
// so a test can stop it and start it again on the same port: the offline tests
// need the origin to stay the same (the service worker and storage are keyed
// by it) while nothing answers.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface StaticServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface StaticServerOptions {
  readonly root: string;
  /** Reuse a port to restart a stopped server at the same origin; 0 or absent picks a free one. */
  readonly port?: number;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

async function resolveFile(root: string, urlPath: string, acceptsHtml: boolean): Promise<string | undefined> {
  const decoded = decodeURIComponent(urlPath);
  const candidate = resolve(root, '.' + (decoded.endsWith('/') ? decoded + 'index.html' : decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  const found = await stat(candidate).catch(() => undefined);
  if (found?.isFile()) return candidate;
  // Deep links to app routes get the shell, like any SPA host; missing assets stay 404s.
  if (acceptsHtml && extname(decoded) === '') return resolve(root, 'index.html');
  return undefined;
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const path = new URL(req.url ?? '/', 'http://host').pathname;
  const file = await resolveFile(root, path, (req.headers.accept ?? '').includes('text/html'));
  if (file === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    // Revalidate every time, so a rebuilt dist/ or a new service worker is seen at once.
    'cache-control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const server = createServer((req, res) => {
    handle(root, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // Browsers keep connections alive; without this close() would wait for them.
        server.closeAllConnections();
      }),
  };
}
