import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Oxc compiles the JSX; @preact/preset-vite is not needed for the automatic runtime.
const jsx = { runtime: 'automatic', importSource: 'preact' } as const;

/**
 * Signs the demo circle's history once, at build time, and ships it as a file
 * (deterministic: the same bytes on every build).
 */
function demoCircle(): Plugin {
  return {
    name: 'tally-demo-circle',
    apply: 'build',
    generateBundle() {
      const tsx = fileURLToPath(new URL('./node_modules/tsx/dist/cli.mjs', import.meta.url));
      const script = fileURLToPath(new URL('./scripts/demo-circle.ts', import.meta.url));
      const source = execFileSync(process.execPath, [tsx, script], { maxBuffer: 64 * 1024 * 1024 });
      // The name is read by src/demo/demo-file.ts (DEMO_FILE_NAME).
      this.emitFile({ type: 'asset', fileName: 'demo-circle.bin', source });
    },
  };
}

// Relative base: the built folder works from any static path (routes live in the hash).
export default defineConfig({
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  oxc: { jsx },
  // The dev server's dependency scan has its own transform settings; without
  // these it looks for react/jsx-dev-runtime and skips pre-bundling.
  optimizeDeps: { rolldownOptions: { transform: { jsx } } },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Only libraries the first screen loads go here, so an app update
            // leaves this chunk's precache entry alone. Dynamically imported
            // code (the QR decoder, WebRTC) stays in its own lazy chunks.
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'] },
            // The core the first screen runs on (records, domain, replica, use
            // cases) in one chunk rather than a scatter of small shared ones,
            // each of which would cost a request and compress worse.
            { name: 'core', test: /[\\/]src[\\/](records|domain|replica|app)[\\/]/, tags: ['$initial'] },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  plugins: [
    demoCircle(),
    VitePWA({
      strategies: 'generateSW',
      // A new version waits until the member taps "Update now" (src/pwa/register.ts).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: './',
        name: 'Tally',
        short_name: 'Tally',
        description:
          'Time credits, a roaming tool library, mutual defense and assemblies for a neighbourhood commons. Works without internet; phones sync with each other.',
        lang: 'en',
        start_url: './#/',
        scope: './',
        display: 'standalone',
        theme_color: '#1f5f4a',
        background_color: '#f7f4ec',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The globs below already take the icons from the build output; listing
      // them again would put duplicate entries in the precache manifest.
      includeManifestIcons: false,
      workbox: {
        // The plugin adds manifest.webmanifest to the precache itself.
        // demo-circle.bin too: the demo must open in airplane mode like the rest.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,wasm,bin}'],
        // The QR decoder's WebAssembly (~950 KB) must be precached to scan offline.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Lets the very first install control the open page, so lazy chunks
        // come from the cache if the network drops before a reload. Updates
        // still wait: skipWaiting stays off.
        clientsClaim: true,
        runtimeCaching: [],
      },
      devOptions: { enabled: false },
    }),
  ],
});
