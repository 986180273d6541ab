import { defineConfig } from 'vitest/config';

// Browser tests: run through test/e2e/run.mjs, which puts them in a network
// namespace. One file at a time, since a test may hold several Chromiums and
// the CI machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
