import type { BlockedByOptions } from './to-be-blocked-by.js';
import type { ExemptionOptions } from './to-have-exemption.js';
import { toBeAllowed } from './to-be-allowed.js';
import { toBeBlockedBy } from './to-be-blocked-by.js';
import { toHaveExemption } from './to-have-exemption.js';

/** dialsim's vitest matchers, for `expect.extend`; `import 'dialsim/testing/vitest'` registers them for you. */
export const matchers = { toBeAllowed, toBeBlockedBy, toHaveExemption };

/** The matchers as they appear on `expect(decision)`. */
export interface DialsimMatchers<R = unknown> {
  /** The screening let the call through. */
  toBeAllowed(): R;
  /** The rule blocks the call (with that message id and data when given; the only rule with `only`). */
  toBeBlockedBy(ruleId: string, options?: BlockedByOptions): R;
  /** The rule applied and was lifted (by the exemption with that message id when given). */
  toHaveExemption(ruleId: string, options?: ExemptionOptions): R;
}

export type { BlockedByOptions, ExemptionOptions };
