import { defineConfig } from 'vitest/config';

/** Browser journeys: a real server and Debian's Chromium. Run after `npm run build`. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
