import { defineConfig } from 'vitest/config';

/**
 * The suite runs once on PGlite, and once more on PostgreSQL when TEST_DATABASE_URL is set.
 * Each test file gets its own database, copied from a migrated template made once per run.
 */
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: databases.map((kind) => ({
      extends: true,
      test: {
        name: kind,
        include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
        // The browser journeys and the tests that start whole servers run once (the latter reach
        // PostgreSQL through TEST_DATABASE_URL themselves).
        exclude: kind === 'pglite' ? [] : ['test/e2e/**', 'test/cli.test.ts', 'test/processes.test.ts', 'test/server-workers.test.ts', 'test/crash.test.ts'],
        globalSetup: [`test/helpers/global-setup-${kind}.ts`],
        env: { TEST_DB_KIND: kind },
      },
    })),
  },
});
