import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { whenClockReads } from '../../src/core/block-lasts.js';

describe('whenClockReads', () => {
  it('is later the same day when the clock has not reached the second yet, else the next day', () => {
    const at = Date.parse('2026-03-10T21:30:00Z');
    expect(new Date(whenClockReads(at, 21 * 3600 + 1800, 8 * 3600)).toISOString()).toBe('2026-03-11T08:00:00.000Z');
    expect(new Date(whenClockReads(at, 21 * 3600 + 1800, 22 * 3600)).toISOString()).toBe('2026-03-10T22:00:00.000Z');
    expect(new Date(whenClockReads(at, 21 * 3600 + 1800, 21 * 3600 + 1800)).toISOString()).toBe('2026-03-11T21:30:00.000Z');
  });

  it('counts from the whole second, so that 07:59:59.500 reaches 08:00:00 half a second later, not a whole one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 4e12 }), fc.integer({ min: 0, max: 86_399 }), (at, target) => {
        // A UTC clock: the second of the day is read from the instant itself.
        const second = Math.floor((((at % 86_400_000) + 86_400_000) % 86_400_000) / 1000);
        const reads = whenClockReads(at, second, target);
        expect(reads).toBeGreaterThan(at);
        expect(reads - at).toBeLessThanOrEqual(86_400_000);
        expect(((reads % 86_400_000) + 86_400_000) % 86_400_000).toBe(target * 1000);
      }),
    );
  });
});
