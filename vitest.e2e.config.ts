import { defineConfig } from 'vitest/config';

// Browser tests against the built app (`npm run build` first); run with `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // A browser on a busy 2-core CI machine can take seconds for what takes milliseconds here: a page reads
    // as loaded only when it is (polls wait up to 15 s, not vitest's 1 s), and a whole workflow gets 3 minutes.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default'],
  },
});
