import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstantUtc } from '../../src/core/instant.js';
import { instantText } from '../../src/dialer/instant-text.js';

describe('instantText', () => {
  it('is formatInstantUtc, for instants that share, reuse and collide in its slots', () => {
    // 8192 seconds apart share a slot; milliseconds and repeats exercise the last-instant shortcut.
    const base = fc.integer({ min: -1_000_000_000, max: 4_000_000_000 }).map((seconds) => seconds * 1000);
    const near = fc.tuple(base, fc.array(fc.oneof(fc.constant(0), fc.constant(8_192_000), fc.constant(-8_192_000), fc.integer({ min: -5000, max: 5000 })), { maxLength: 20 }));
    fc.assert(
      fc.property(near, ([start, offsets]) => {
        for (const at of [start, ...offsets.map((offset) => start + offset), start]) expect(instantText(at)).toBe(formatInstantUtc(at));
      }),
      { numRuns: 2000 },
    );
  });
});
