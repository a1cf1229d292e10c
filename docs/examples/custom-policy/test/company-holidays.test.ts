import Holidays from 'date-holidays';
import { definePack, screen } from 'dialsim';
import { anAttempt, instantIn, testPolicy } from 'dialsim/testing';
import { describe, expect, it } from 'vitest';
import { COMPANY_ZONE, companyHolidays } from '../policies/company-holidays.js';

const NEW_YORK = '+1 212 555 0147';
const LOS_ANGELES = '+1 213 555 0100';

/** A call to New York at a local time of the company's own zone. */
const inNewYork = (local: string) => ({ to: NEW_YORK, at: instantIn(local, COMPANY_ZONE) });

testPolicy(companyHolidays, {
  allowed: [
    { name: 'an ordinary Tuesday, 10 March 2026 at 10:00', request: inNewYork('2026-03-10 10:00') },
    { name: '23:59:59 on Thursday 2 July, the evening before the observed Independence Day', request: inNewYork('2026-07-02 23:59:59') },
    { name: '00:00 on Monday 6 July, after the holiday weekend', request: inNewYork('2026-07-06 00:00') },
    {
      name: "20:30 in Los Angeles on 2 July is 23:30 in New York: still an ordinary day at the company",
      request: { to: LOS_ANGELES, at: instantIn('2026-07-02 20:30', 'America/Los_Angeles') },
    },
  ],
  blocked: [
    {
      name: 'Independence Day falls on a Saturday: Friday 3 July is the observed holiday',
      request: inNewYork('2026-07-03 10:00'),
      findings: [{ messageId: 'holiday', data: { holiday: 'Independence Day (substitute day)', date: '2026-07-03', zone: COMPANY_ZONE } }],
    },
    {
      name: 'Saturday 4 July itself',
      request: inNewYork('2026-07-04 10:00'),
      findings: [{ messageId: 'holiday', data: { holiday: 'Independence Day', date: '2026-07-04', zone: COMPANY_ZONE } }],
    },
    {
      name: '00:00:00 on Thanksgiving, 26 November: the whole day',
      request: inNewYork('2026-11-26 00:00'),
      findings: [{ messageId: 'holiday', data: { holiday: 'Thanksgiving Day', date: '2026-11-26', zone: COMPANY_ZONE } }],
    },
    {
      name: "21:30 in Los Angeles on 2 July is 00:30 on 3 July in New York: the company's day decides",
      request: { to: LOS_ANGELES, at: instantIn('2026-07-02 21:30', 'America/Los_Angeles') },
      findings: [{ messageId: 'holiday', data: { holiday: 'Independence Day (substitute day)', date: '2026-07-03', zone: COMPANY_ZONE } }],
    },
  ],
});

describe('acme.company-holidays and the date-holidays calendar', () => {
  const alone = definePack({ id: 'holidays-only', title: 'The company holidays rule alone', policies: [companyHolidays] });

  it('blocks noon in New York on each of the 12 US federal holidays of 2026, observed days included', () => {
    const holidays = new Holidays('US', { types: ['public'] }).getHolidays(2026);
    expect(holidays).toHaveLength(12);
    for (const holiday of holidays) {
      const decision = screen(anAttempt(inNewYork(`${holiday.date.slice(0, 10)} 12:00`)), { pack: alone });
      expect(decision).toBeBlockedBy('acme.company-holidays', { messageId: 'holiday', only: true });
      expect(decision.violations[0]?.data.holiday).toBe(holiday.name);
    }
  });

  it('reads as a sentence with the holiday, the date and the zone', () => {
    const decision = screen(anAttempt(inNewYork('2026-12-25 09:00')), { pack: alone });
    expect(decision.violations[0]?.message).toMatchInlineSnapshot(`"Acme is closed on 2026-12-25 in America/New_York: Christmas Day"`);
  });
});
