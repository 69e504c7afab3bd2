import { defineConfig } from 'vitest/config';

// `pnpm test:unit`: the unit tier alone — `*.test.ts` beside the code and in test/, never `*.int.test.ts`.
// No database, no Redis, no global setup: seconds, on any machine.
export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'apps/console/e2e/**', '**/*.int.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    env: { DATABASE_URL: 'postgresql://unit-tests-use-no-database@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1' },
  },
});
