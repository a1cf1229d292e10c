// Registers dialsim's matchers (toBeAllowed, toBeBlockedBy, toHaveExemption) the way a user's setup file does.
import '../src/testing/vitest.js';
