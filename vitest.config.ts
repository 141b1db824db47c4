import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'src/console/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most files wait on PostgreSQL, child processes or Chromium rather than on the CPU: three
    // forks keep a 2-core machine busy (Vitest's default is one fewer than the cores).
    maxWorkers: 3,
  },
});
