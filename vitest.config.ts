import { defineConfig } from 'vitest/config';

/** Unit tests (src/**) and integration tests (test/**); SHOUDI_TEST_DB picks PGlite (default) or PostgreSQL. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // PGlite instances are WASM and memory-hungry; two workers suit these 2-core machines.
    maxWorkers: 2,
  },
});
