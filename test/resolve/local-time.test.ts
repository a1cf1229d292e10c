import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocalTimeResolver, localTimeDirect } from '../../src/resolve/local-time.js';
import { zonesForNanpNumber } from '../../src/resolve/time-zones.js';

const at = (iso: string) => Date.parse(iso);

describe('local time', () => {
  it('springs forward in New York on 8 March 2026: 01:59:59 EST is followed by 03:00:00 EDT', () => {
    const localTime = createLocalTimeResolver();
    expect(localTime('America/New_York', at('2026-03-08T06:59:59Z')).iso).toBe('2026-03-08T01:59:59-05:00');
    expect(localTime('America/New_York', at('2026-03-08T07:00:00Z')).iso).toBe('2026-03-08T03:00:00-04:00');
  });

  it('falls back in New York on 1 November 2026: 01:30 happens twice, first EDT then EST', () => {
    const localTime = createLocalTimeResolver();
    expect(localTime('America/New_York', at('2026-11-01T05:30:00Z')).iso).toBe('2026-11-01T01:30:00-04:00');
    expect(localTime('America/New_York', at('2026-11-01T06:30:00Z')).iso).toBe('2026-11-01T01:30:00-05:00');
  });

  it('keeps Phoenix and Honolulu on standard time all year', () => {
    const localTime = createLocalTimeResolver();
    expect(localTime('America/Phoenix', at('2026-07-01T03:30:00Z')).iso).toBe('2026-06-30T20:30:00-07:00');
    expect(localTime('America/Phoenix', at('2026-01-01T03:30:00Z')).iso).toBe('2025-12-31T20:30:00-07:00');
    expect(localTime('Pacific/Honolulu', at('2026-07-01T18:00:00Z')).iso).toBe('2026-07-01T08:00:00-10:00');
  });

  it('counts seconds since local midnight: 08:00:00 is 28800', () => {
    expect(createLocalTimeResolver()('America/Chicago', at('2026-03-10T13:00:00Z')).secondOfDay).toBe(8 * 3600);
  });

  it('agrees with a luxon conversion per call for any instant in 2025-2027, including the hours that hold a DST change', () => {
    const localTime = createLocalTimeResolver();
    const zones = fc.constantFrom(
      'America/New_York', 'America/Chicago', 'America/Denver', 'America/Boise', 'America/Phoenix',
      'America/Los_Angeles', 'America/Anchorage', 'America/Adak', 'Pacific/Honolulu', 'America/Puerto_Rico',
      'Pacific/Guam', 'Pacific/Pago_Pago', 'America/St_Johns', 'America/Indiana/Knox',
    );
    const instants = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2027-12-31T23:59:59Z') });
    // Transition instants and their neighbours, where a per-hour cache would go wrong if it were not checked.
    const nearTransitions = fc
      .tuple(fc.constantFrom('2026-03-08T07:00:00Z', '2026-03-08T09:00:00Z', '2026-11-01T06:00:00Z', '2026-11-01T08:00:00Z', '2026-11-01T03:30:00Z'), fc.integer({ min: -7_200_000, max: 7_200_000 }))
      .map(([iso, delta]) => at(iso) + delta);
    fc.assert(
      fc.property(zones, fc.oneof(instants, nearTransitions), (zone, instant) => {
        expect(localTime(zone, instant)).toEqual(localTimeDirect(zone, instant));
      }),
      { numRuns: 20_000 },
    );
  });

  it('hands the same frozen local time out again for the same zone and instant, and a fresh one when either differs', () => {
    const localTime = createLocalTimeResolver();
    const noon = at('2026-03-10T17:00:00Z');
    const denver = localTime('America/Denver', noon);
    expect(Object.isFrozen(denver)).toBe(true);
    expect(localTime('America/Denver', noon)).toBe(denver);
    // Kept per zone: the same instant in another zone, then the next second, are their own conversions.
    expect(localTime('America/Chicago', noon)).toEqual(localTimeDirect('America/Chicago', noon));
    expect(localTime('America/Denver', noon)).toBe(denver);
    expect(localTime('America/Denver', noon + 1000)).toEqual(localTimeDirect('America/Denver', noon + 1000));
    expect(localTime('America/Denver', noon)).toEqual(denver);
  });

  it('agrees with a luxon conversion over runs of calls that repeat zones and instants, as a dialed group does', () => {
    const localTime = createLocalTimeResolver();
    const zones = fc.constantFrom('America/New_York', 'America/Denver', 'America/Phoenix', 'America/St_Johns');
    // Few instants, a second apart and across a DST change, so that a zone's last instant often comes again.
    const instants = fc.integer({ min: -2, max: 2 }).map((seconds) => at('2026-03-08T07:00:00Z') + seconds * 1000);
    fc.assert(
      fc.property(fc.array(fc.tuple(zones, instants), { minLength: 1, maxLength: 30 }), (calls) => {
        for (const [zone, instant] of calls) expect(localTime(zone, instant)).toEqual(localTimeDirect(zone, instant));
      }),
      { numRuns: 500 },
    );
  });
});

describe('candidate zones of an area code', () => {
  it('unions every zone any prefix of the area code has: 208 spans Mountain and Pacific', () => {
    expect(zonesForNanpNumber('+12085550123')).toEqual(['America/Boise', 'America/Denver', 'America/Los_Angeles']);
  });

  it('includes the Aleutians for Alaska (907)', () => {
    expect(zonesForNanpNumber('+19075550123')).toContain('America/Adak');
    expect(zonesForNanpNumber('+19075550123')).toContain('America/Anchorage');
  });

  it('gives single-zone area codes one zone, and toll-free codes none', () => {
    expect(zonesForNanpNumber('+13035550123')).toEqual(['America/Denver']);
    expect(zonesForNanpNumber('+18085550123')).toEqual(['Pacific/Honolulu']);
    expect(zonesForNanpNumber('+18005550123')).toEqual([]);
  });
});
