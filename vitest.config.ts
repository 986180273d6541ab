import { defineConfig } from 'vitest/config';

// Unit and property tests run in Node; the browser tests have their own config
// (vitest.e2e.config.ts) because they need a network namespace and Chromium.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup-indexeddb.ts'],
  },
});
