/**
 * `dialsim/testing/vitest`: registers dialsim's matchers on vitest's `expect` and declares their types. Import it
 * once, from a setup file (`setupFiles: ['./vitest.setup.ts']`).
 * @example
 * // vitest.setup.ts
 * import 'dialsim/testing/vitest';
 * // any test
 * expect(screen(anAttempt())).toBeAllowed();
 */
import { expect } from 'vitest';
import { matchers, type DialsimMatchers } from './matchers/index.js';

expect.extend(matchers);

declare module 'vitest' {
  // Declaration merging: `T = any` must repeat vitest's own declaration of Matchers, which Assertion extends.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends DialsimMatchers<T> {}
}
