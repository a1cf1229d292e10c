import { describe, expect, it } from 'vitest';
import { instantIn } from '../../src/testing/instant-in.js';

describe('instantIn', () => {
  it('2026-03-08 01:59 in New York is 01:59 EST, 06:59Z, the last minute before the clocks spring forward', () => {
    expect(instantIn('2026-03-08 01:59', 'America/New_York')).toBe('2026-03-08T01:59:00-05:00');
    expect(instantIn('2026-03-08 03:00', 'America/New_York')).toBe('2026-03-08T03:00:00-04:00');
  });

  it('takes seconds and milliseconds, and a T between date and time', () => {
    expect(instantIn('2026-03-10 20:59:59', 'America/Denver')).toBe('2026-03-10T20:59:59-06:00');
    expect(instantIn('2026-03-10T20:59:59.250', 'America/Denver')).toBe('2026-03-10T20:59:59.250-06:00');
  });

  it('a local time in the spring-forward gap does not exist: 02:30 on 8 March 2026 in New York throws', () => {
    expect(() => instantIn('2026-03-08 02:30', 'America/New_York')).toThrow(
      'instantIn: 2026-03-08 02:30 does not exist in America/New_York: the clocks spring forward over it that night (UTC-05:00 to UTC-04:00); pick a time before or after the gap',
    );
    expect(() => instantIn('2026-03-08 02:00', 'America/New_York')).toThrow('does not exist in America/New_York');
  });

  it('a local time the clocks pass twice (01:30 on 1 November 2026 in New York) is the earlier instant, EDT, unless told otherwise', () => {
    expect(instantIn('2026-11-01 01:30', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(instantIn('2026-11-01 01:30', 'America/New_York', { disambiguation: 'earlier' })).toBe('2026-11-01T01:30:00-04:00');
    expect(instantIn('2026-11-01 01:30', 'America/New_York', { disambiguation: 'later' })).toBe('2026-11-01T01:30:00-05:00');
    expect(() => instantIn('2026-11-01 01:30', 'America/New_York', { disambiguation: 'reject' })).toThrow(
      "instantIn: 2026-11-01 01:30 happens twice in America/New_York (at UTC-04:00 and then at UTC-05:00); pass { disambiguation: 'earlier' } or { disambiguation: 'later' }",
    );
  });

  it('zones without daylight saving time have neither gaps nor repeats: Phoenix on 8 March 2026 at 02:30', () => {
    expect(instantIn('2026-03-08 02:30', 'America/Phoenix')).toBe('2026-03-08T02:30:00-07:00');
  });

  it('refuses an unknown zone, a malformed time and a date that does not exist', () => {
    expect(() => instantIn('2026-03-10 14:00', 'Mountain')).toThrow('instantIn: "Mountain" is not an IANA time zone name such as "America/New_York"');
    expect(() => instantIn('10 March 2026 14:00', 'America/Denver')).toThrow(
      'instantIn: "10 March 2026 14:00" is not a local date and time such as "2026-03-08 01:59" or "2026-03-08 01:59:30"',
    );
    expect(() => instantIn('2026-02-30 14:00', 'America/Denver')).toThrow('instantIn: 2026-02-30 14:00 is not a date and time');
  });
});
