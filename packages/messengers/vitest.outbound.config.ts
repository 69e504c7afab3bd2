import { defineConfig } from 'vitest/config';

/** Outbound senders against the local platform fakes: no database, so no root globalSetup. */
export default defineConfig({
  test: {
    include: ['src/**/*.outbound.test.ts', 'src/split-text.test.ts', 'src/outbound-registry.test.ts'],
    testTimeout: 15_000,
  },
});
