import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests run thousands of screenings; the default 5 s leaves no margin on a busy 2-core machine.
    testTimeout: 60_000,
  },
});
