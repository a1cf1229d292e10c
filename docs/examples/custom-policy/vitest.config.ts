import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Registers toBeAllowed, toBeBlockedBy and toHaveExemption on expect.
    setupFiles: ['./vitest.setup.ts'],
  },
});
