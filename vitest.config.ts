import { defineConfig } from 'vitest/config';

// One run covers every package; each project keeps its own environment.
export default defineConfig({
  test: {
    // Vitest leaves a core free by default: one worker on a 2-core CI machine, every file
    // in series. Two keep CI inside its budget; browser files still run one at a time.
    maxWorkers: 2,
    projects: [
      { test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          root: './api',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      './pos/vitest.config.ts',
      './backoffice/vitest.config.ts',
      {
        test: {
          name: 'e2e',
          root: './tests',
          include: ['browser/**/*.test.ts', 'postgres/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
