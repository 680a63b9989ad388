import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Every test starts the real command, and several open a fresh database.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
