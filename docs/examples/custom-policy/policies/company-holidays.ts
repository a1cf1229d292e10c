import Holidays from 'date-holidays';
import { definePolicy, pass, violation } from 'dialsim';

/** Where Acme's offices are: a holiday is a calendar day there. */
export const COMPANY_ZONE = 'America/New_York';

// The US federal holidays as the date-holidays package publishes them, observed days included (a holiday on a
// Saturday is observed on the Friday before, one on a Sunday on the Monday after). Never a hand-typed table.
const calendar = new Holidays('US', { types: ['public'], timezone: COMPANY_ZONE });

export const companyHolidays = definePolicy({
  id: 'acme.company-holidays',
  title: "No calls on the company's holidays",
  citation: 'Acme calling policy §4.1',
  description:
    "Acme's offices are closed on the US federal holidays, and on the days they are observed, in New York. No call is " +
    "placed on those days, whatever the callee's local time.",
  messages: {
    holiday: 'Acme is closed on {date} in {zone}: {holiday}',
  },
  evaluate: (facts) => {
    const holidays = calendar.isHoliday(new Date(facts.at));
    const holiday = holidays === false ? undefined : holidays[0];
    if (holiday === undefined) return pass;
    return violation('holiday', { holiday: holiday.name, date: holiday.date.slice(0, 10), zone: COMPANY_ZONE });
  },
});

export default companyHolidays;
