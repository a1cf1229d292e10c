import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryRegistry } from '../../src/resolve/registry.js';

/** E.164-like strings, near misses (a leading zero, letters, too long, no plus) and duplicates among them. */
const entry = fc.oneof(
  fc.integer({ min: 1, max: 999_999_999_999_999 }).map((digits) => `+${digits}`),
  fc.integer({ min: 2_000_000_000, max: 2_000_000_200 }).map((digits) => `+1${digits}`),
  fc.constantFrom('+0123', '+', '', '13035550123', '+1303555012x', '+1234567890123456', '+12345678901234567', 'ext.5'),
);

describe('InMemoryRegistry', () => {
  it('answers membership and size exactly as a Set of the same strings does, through every growth of its table', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 400 }), fc.array(entry, { maxLength: 50 }), (added, probes) => {
        const registry = new InMemoryRegistry(added);
        const reference = new Set(added);
        expect(registry.size).toBe(reference.size);
        for (const probe of [...added, ...probes]) expect(registry.has(probe)).toBe(reference.has(probe));
      }),
      { numRuns: 500 },
    );
  });

  it('tells +0123 from +123: a leading zero is not dropped into the same key', () => {
    const registry = new InMemoryRegistry(['+123']);
    expect(registry.has('+123')).toBe(true);
    expect(registry.has('+0123')).toBe(false);
  });

  it('keeps 200,000 numbers and finds each of them', () => {
    const numbers = Array.from({ length: 200_000 }, (_, index) => `+1${2_000_000_000 + index * 37}`);
    const registry = new InMemoryRegistry(numbers);
    expect(registry.size).toBe(200_000);
    expect(numbers.every((number) => registry.has(number))).toBe(true);
    expect(registry.has('+12000000001')).toBe(false);
  });
});
