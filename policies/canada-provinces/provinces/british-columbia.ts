import { defineStateRow } from '../../us-states/state-row.js';

const REGULATION = 'B.C. Telemarketer Licensing Regulation (Business Practices and Consumer Protection Act)';
const SOURCE = 'jurisdictions.md F2: consumerprotectionbc.ca (2011, 2023) [P]; canadianadvertisinglaw.com [S]';

/**
 * British Columbia: a licensed telemarketer calling BC residents may not call on statutory holidays, and may contact
 * a person at most once in 30 days about the same good or service. Its hours are Canada's (09:00–21:30 weekdays,
 * 10:00–18:00 weekends), so the row adds no window of its own.
 */
export const britishColumbia = defineStateRow({
  state: 'BC',
  versions: [
    {
      effectiveFrom: null,
      scope: {
        value: 'residential',
        citation: REGULATION,
        confidence: 'S',
        source: SOURCE,
        note: 'The regulation licenses telemarketers selling to consumers; read as consumer (residential) calls, so business lines are outside it.',
      },
      bannedDays: {
        value: { weekdays: [], holidays: { substituteDays: true, alsoNamed: ['National Day for Truth and Reconciliation'] } },
        citation: REGULATION,
        confidence: 'P',
        source: SOURCE,
        note: "Statutory holidays are date-holidays' public rows for BC. A weekend holiday's observed weekday is banned too, as for the states (the stricter reading). The package lists 30 September (National Day for Truth and Reconciliation) for BC as an observance, not a public holiday; BC made it a statutory holiday in 2023 [U, not in ../shared], so the row bans it too (the stricter reading).",
      },
      frequencyCap: {
        value: { calls: 1, windowHours: 720, sameSubject: true },
        citation: REGULATION,
        confidence: 'P',
        source: SOURCE,
        note: 'At most one contact in 30 days (720 hours) for the same good or service. The regulation allows more "with permission"; a consent on file is not read as that permission (the stricter reading), and every call counts as a contact.',
      },
    },
  ],
});
