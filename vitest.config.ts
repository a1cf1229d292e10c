import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dialsim's own matchers, registered as a user registers them (docs/testing.md).
    setupFiles: ['test/setup.ts'],
    // Property tests run thousands of screenings; the default 5 s leaves no margin on a busy 2-core machine.
    testTimeout: 60_000,
  },
});
