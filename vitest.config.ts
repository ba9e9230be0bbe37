import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // A limit only catches a hang: speed is measured by `npm run bench`, and the tests that replay
    // every evaluation question take tens of seconds on a loaded two-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
  },
});
