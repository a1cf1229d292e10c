import { definePolicy } from '../../src/core/policy.js';
import { CANADA_FACTS } from '../canada/canada-facts.js';
import { fccAndTsrCitation } from '../us-federal/broker-dealer.js';
import { citationForCountry } from './country-citation.js';
import { noPlaceOutcome } from './no-place-outcome.js';

const US_HOURS = fccAndTsrCitation('47 CFR 64.1200(c)(1)', '16 CFR 310.4(c)');

export const timezoneUnknown = definePolicy({
  id: 'timezone.unknown',
  title: "The callee's local time must be known when a calling-hours rule applies",
  citation: US_HOURS.citation,
  // It stands in for the calling-hours rules of the number's country: Canada's, or the US ones (the FCC's alone for a broker-dealer).
  citationFor: citationForCountry(CANADA_FACTS.weekdayWindow.citation, US_HOURS.citationFor),
  description:
    'Stands in for every calling-hours rule that applies when no local time can be found: the number is ' +
    'non-geographic (toll-free 8XX, personal 5XX, premium 900) or its area code has no zone in the data, and ' +
    '`callee.timeZone` was not given. The window cannot be checked, so the call is blocked (fail closed).',
  exemptions: ['Give `callee.timeZone` (known from the lead\'s address); the hours rules then run on that zone.'],
  guards: 'localTime',
  messages: {
    nonGeographic:
      "{e164} is a {kind} number with no location, so the callee's local time is unknown; give callee.timeZone from the lead's address",
    unknownAreaCode:
      "no time zone is known for area code {areaCode} ({e164}), so the callee's local time is unknown; give callee.timeZone from the lead's address",
  },
  // A guard rule is never run on its own: the engine runs it in place of a rule whose required fact is unknown.
  applies: () => false,
  evaluate: noPlaceOutcome,
  examples: [
    {
      title: 'A toll-free number, no address on file',
      request: {
        at: '2026-03-10T14:00:00-05:00',
        to: '800-555-0100',
        method: 'manual',
        caller: { seller: 'acme' },
        registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
      },
      verdict: 'block',
    },
  ],
});
