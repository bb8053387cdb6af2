import { defineConfig } from 'vitest/config';

/** Unit and contract tests: shared/, the electron/ service on real temporary directories, scripts. */
export default defineConfig({
  test: {
    include: ['tests/{shared,electron,renderer,lint,scripts,sync}/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/setup/searchWorker.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
