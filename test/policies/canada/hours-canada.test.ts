import { describe, expect, it } from 'vitest';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { hoursCanada } from '../../../policies/canada/index.js';
import { violationOf } from '../../support/decision-helpers.js';

// 416 Toronto (America/Toronto), 604 Vancouver (America/Vancouver), 306 Saskatchewan (America/Regina: UTC-6 all year).
// 2026: Tuesday 10 March, Saturday 14 and Sunday 15 March; clocks spring forward on Sunday 8 March and fall back on
// Sunday 1 November in Toronto and Vancouver, never in Regina.
const TORONTO = '+1 416 555 0199';
const VANCOUVER = '+1 604 555 0199';
const REGINA = '+1 306 555 0199';
const DNCL = { canada: { syncedAt: '2026-03-01', numbers: [] } };

const toronto = (at: string) => ({ to: TORONTO, at, registries: DNCL });
const vancouver = (at: string) => ({ to: VANCOUVER, at, registries: DNCL });
const regina = (at: string) => ({ to: REGINA, at, registries: DNCL });

type Days = 'weekday' | 'weekend';
const outside = (localTime: string, day: string, zone: string, days: Days) => ({
  messageId: 'outside' as const,
  data: { localTime, day, zone, days, from: days === 'weekday' ? '09:00' : '10:00', to: days === 'weekday' ? '21:30' : '18:00' },
});

testPolicy(hoursCanada, {
  allowed: [
    // Weekdays 09:00–21:30.
    { name: 'Tuesday 09:00:00 in Toronto, the first second of the weekday window', request: toronto('2026-03-10T09:00:00-04:00') },
    { name: 'Tuesday 21:29:59 in Toronto, the last second', request: toronto('2026-03-10T21:29:59-04:00') },
    { name: 'Friday 21:00 in Toronto: later than the US window allows, inside Canada\'s', request: toronto('2026-03-13T21:00:00-04:00') },
    // Weekends 10:00–18:00.
    { name: 'Saturday 10:00:00 in Toronto', request: toronto('2026-03-14T10:00:00-04:00') },
    { name: 'Saturday 17:59 in Toronto', request: toronto('2026-03-14T17:59:00-04:00') },
    { name: 'Sunday 17:59:59 in Vancouver', request: vancouver('2026-03-15T17:59:59-07:00') },
    // DST in Toronto (8 March: 02:00 EST becomes 03:00 EDT; 1 November: 02:00 EDT becomes 01:00 EST).
    { name: 'spring forward: 14:00Z on Sunday 8 March is 10:00 EDT in Toronto', request: toronto('2026-03-08T14:00:00Z') },
    { name: 'fall back: 15:00Z on Sunday 1 November is 10:00 EST in Toronto', request: toronto('2026-11-01T15:00:00Z') },
    { name: 'fall back: 22:59Z on Sunday 1 November is 17:59 EST in Toronto', request: toronto('2026-11-01T22:59:00Z') },
    // DST in Vancouver (the same Sundays).
    { name: 'spring forward: 17:00Z on Sunday 8 March is 10:00 PDT in Vancouver', request: vancouver('2026-03-08T17:00:00Z') },
    { name: 'fall back: 01:59Z on Monday 2 November is 17:59 PST on Sunday in Vancouver', request: vancouver('2026-11-02T01:59:00Z') },
    // Regina keeps UTC-6 all year.
    { name: 'Regina in January: 15:00Z on a Tuesday is 09:00 CST', request: regina('2026-01-13T15:00:00Z') },
    { name: 'Regina in July: 15:00Z on a Tuesday is still 09:00 (no DST)', request: regina('2026-07-14T15:00:00Z') },
    // When the rule does not apply.
    { name: 'an informational call on Tuesday at 22:00 in Toronto', request: { ...toronto('2026-03-10T22:00:00-04:00'), purpose: 'informational' } },
  ],
  blocked: [
    { name: 'Tuesday 08:59:59 in Toronto', request: toronto('2026-03-10T08:59:59-04:00'), findings: [outside('08:59:59', 'Tuesday', 'America/Toronto', 'weekday')] },
    { name: 'Tuesday 21:30:00 in Toronto, the end of the window', request: toronto('2026-03-10T21:30:00-04:00'), findings: [outside('21:30', 'Tuesday', 'America/Toronto', 'weekday')] },
    { name: 'Saturday 09:59 in Toronto', request: toronto('2026-03-14T09:59:00-04:00'), findings: [outside('09:59', 'Saturday', 'America/Toronto', 'weekend')] },
    { name: 'Saturday 18:00 in Toronto', request: toronto('2026-03-14T18:00:00-04:00'), findings: [outside('18:00', 'Saturday', 'America/Toronto', 'weekend')] },
    { name: 'Sunday 18:00:00 in Vancouver', request: vancouver('2026-03-15T18:00:00-07:00'), findings: [outside('18:00', 'Sunday', 'America/Vancouver', 'weekend')] },
    {
      name: 'Saturday 20:00 in Toronto: inside the weekday window, outside the weekend one',
      request: toronto('2026-03-14T20:00:00-04:00'),
      findings: [outside('20:00', 'Saturday', 'America/Toronto', 'weekend')],
    },
    { name: 'spring forward: 13:59Z on Sunday 8 March is 09:59 EDT in Toronto', request: toronto('2026-03-08T13:59:00Z'), findings: [outside('09:59', 'Sunday', 'America/Toronto', 'weekend')] },
    {
      name: 'spring forward: 14:00Z on Saturday 7 March, the day before, is 09:00 EST in Toronto',
      request: toronto('2026-03-07T14:00:00Z'),
      findings: [outside('09:00', 'Saturday', 'America/Toronto', 'weekend')],
    },
    {
      name: 'fall back: 14:30Z on Sunday 1 November is 09:30 EST in Toronto (it was 10:30 EDT the day before)',
      request: toronto('2026-11-01T14:30:00Z'),
      findings: [outside('09:30', 'Sunday', 'America/Toronto', 'weekend')],
    },
    { name: 'spring forward: 16:59Z on Sunday 8 March is 09:59 PDT in Vancouver', request: vancouver('2026-03-08T16:59:00Z'), findings: [outside('09:59', 'Sunday', 'America/Vancouver', 'weekend')] },
    {
      name: 'fall back: 02:00Z on Monday 2 November is 18:00 PST on Sunday in Vancouver',
      request: vancouver('2026-11-02T02:00:00Z'),
      findings: [outside('18:00', 'Sunday', 'America/Vancouver', 'weekend')],
    },
    { name: 'Regina in July: 14:59Z on a Tuesday is 08:59 (Winnipeg would be at 09:59)', request: regina('2026-07-14T14:59:00Z'), findings: [outside('08:59', 'Tuesday', 'America/Regina', 'weekday')] },
    {
      name: 'a business line is still inside the CRTC hours (only the DNCL exempts business calls): Tuesday 22:00 in Toronto',
      request: { ...toronto('2026-03-10T22:00:00-04:00'), callee: { business: true } },
      findings: [outside('22:00', 'Tuesday', 'America/Toronto', 'weekday')],
    },
    {
      name: 'every method: a prerecorded call at Tuesday 21:45 in Toronto',
      request: { ...toronto('2026-03-10T21:45:00-04:00'), method: 'prerecorded' },
      findings: [outside('21:45', 'Tuesday', 'America/Toronto', 'weekday')],
    },
  ],
});

describe('hours.canada in the packs in force', () => {
  it('a Canadian number with no place (600) is blocked by timezone.unknown, citing the CRTC rules', () => {
    const decision = screen(anAttempt({ to: '+1 600 555 0100', registries: DNCL }));
    const violation = violationOf(decision, 'timezone.unknown');
    expect(violation.citation).toBe('CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules)');
  });

  it('867 spans several zones: every one must be inside the window, so 21:30 in Toronto blocks though it is 18:30 in Vancouver', () => {
    const decision = screen(anAttempt({ to: '+1 867 555 0100', at: '2026-03-10T21:30:00-04:00', registries: DNCL }));
    expect(decision.callee.timeZones).toContain('America/Vancouver');
    expect(decision.violations.map((found) => [found.rule, found.message])).toEqual([
      ['hours.canada', "21:30 on a Tuesday in America/Toronto is outside Canada's weekday calling hours, 09:00–21:30"],
    ]);
  });

  it('a blocked evening call gives the next morning as nextAllowedAt, in the callee\'s zone', () => {
    expect(screen(anAttempt(toronto('2026-03-10T21:30:00-04:00'))).nextAllowedAt).toBe('2026-03-11T09:00:00-04:00');
    expect(screen(anAttempt(toronto('2026-03-14T18:00:00-04:00'))).nextAllowedAt).toBe('2026-03-15T10:00:00-04:00');
  });
});
