import { defineConfig } from 'vitest/config';

// Unit tests of this package only, without the root config's database globalSetup.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'src/**/*.int.test.ts'],
    pool: 'forks',
  },
});
