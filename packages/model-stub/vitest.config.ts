import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'model-stub',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
