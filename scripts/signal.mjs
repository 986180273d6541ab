// Runs y-webrtc's stock signaling server (node_modules/y-webrtc/bin/server.js),
// unchanged, for a gathering with a laptop but no internet, or for tests.
//   PORT  default 4444; 0 picks a free port (the URL printed says which)
//   HOST  default 0.0.0.0, so phones on the room's Wi-Fi can reach it; tests pass 127.0.0.1
// Prints the ws:// URL phones should use, one per line: HOST's own, or with
// 0.0.0.0 one for each IPv4 address of this machine, the loopback one last.
// (The stock server's own "running on localhost" line comes first.)
//
// The stock server listens on every interface and has no setting for it, so
// the address is applied to its listen() call from here. It relays sealed
// messages it cannot read: running it gives nobody access to a circle.
import http from 'node:http';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST || '0.0.0.0';
process.env.PORT = process.env.PORT || '4444';

/** Addresses a phone on the same network could use when the server listens everywhere. */
function reachableUrls(port) {
  if (host !== '0.0.0.0' && host !== '::') return [`ws://${host.includes(':') ? `[${host}]` : host}:${port}`];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((address) => address?.family === 'IPv4')
    .sort((a, b) => Number(a.internal) - Number(b.internal));
  return addresses.map((address) => `ws://${address.address}:${port}`);
}

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function listenOnHost(...args) {
  http.Server.prototype.listen = listen;
  this.once('listening', () => {
    const { port } = this.address();
    for (const url of reachableUrls(port)) process.stdout.write(`${url}\n`);
  });
  // The stock server calls listen(port) and nothing else.
  return listen.call(this, { port: Number(args[0]), host });
};

// The stock server parses each message with JSON.parse in an event handler,
// so a single malformed message from any client would end the process for
// everyone. Such an error is logged and the server keeps running; any other
// error still stops it.
process.on('uncaughtException', (error) => {
  if (error instanceof SyntaxError) {
    process.stderr.write(`signal: ignored a malformed message (${error.message})\n`);
    return;
  }
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});

await import(pathToFileURL(join(root, 'node_modules', 'y-webrtc', 'bin', 'server.js')).href);
