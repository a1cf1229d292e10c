import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatInstantUtc, parseInstant, parseInstantOrDate } from '../../src/core/instant.js';

describe('instants', () => {
  it('formats whole seconds without a fraction and keeps milliseconds when there are some', () => {
    expect(formatInstantUtc(Date.parse('2026-03-01T00:00:00Z'))).toBe('2026-03-01T00:00:00Z');
    expect(formatInstantUtc(Date.parse('2026-03-08T07:00:05.250Z'))).toBe('2026-03-08T07:00:05.250Z');
  });

  it('formats any instant from 1970 to 2100 as toISOString does (less a zero fraction), across day changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.parse('2100-01-01T00:00:00Z') }), fc.boolean(), (ms, whole) => {
        const instant = whole ? ms - (ms % 1000) : ms;
        const iso = new Date(instant).toISOString();
        expect(formatInstantUtc(instant)).toBe(iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso);
      }),
      { numRuns: 5000 },
    );
  });

  it('parses instants with an offset, refuses a time without one, and reads a date alone as 00:00 UTC', () => {
    expect(parseInstant('2026-03-10T20:30:00-07:00')).toBe(Date.parse('2026-03-11T03:30:00Z'));
    expect(parseInstant('2026-03-10T20:30-07:00')).toBe(Date.parse('2026-03-11T03:30:00Z'));
    expect(parseInstant('2026-03-10T20:30:00')).toBe('no-offset');
    expect(parseInstant('2026-02-30T20:30:00Z')).toBe('out-of-range');
    expect(parseInstant('March 10')).toBe('format');
    expect(parseInstantOrDate('2026-03-01')).toBe(Date.parse('2026-03-01T00:00:00Z'));
  });

  it('writes a duration to the second, so a limit passed by one second reads as such', () => {
    expect(formatDuration(31 * 86_400_000 + 1000)).toBe('31 days 00:00:01');
    expect(formatDuration(86_400_000)).toBe('1 day 00:00:00');
  });
});
