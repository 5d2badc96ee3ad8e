import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/postgres needs a PostgreSQL server: it runs in the PostgreSQL pass of `npm test` only.
    exclude: process.env.TEST_DB === 'postgres' ? configDefaults.exclude : [...configDefaults.exclude, 'test/postgres/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
