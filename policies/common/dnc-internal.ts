import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { CANADA_FACTS } from '../canada/canada-facts.js';
import { fccAndTsrCitation } from '../us-federal/broker-dealer.js';
import { citationForCountry } from './country-citation.js';

const US_INTERNAL_LIST = fccAndTsrCitation('47 CFR 64.1200(d)', '16 CFR 310.4(b)(1)(iii)(A)');

export const dncInternal = definePolicy({
  id: 'dnc.internal',
  title: "No calls to a number on the seller's own do-not-call list",
  citation: US_INTERNAL_LIST.citation,
  // Every jurisdiction has the duty; the finding cites the number's own (a broker-dealer's: the FCC's, not the TSR).
  citationFor: citationForCountry(CANADA_FACTS.internalList.citation, US_INTERNAL_LIST.citationFor),
  description:
    "Blocks any call to a number on the seller's internal (entity-specific) do-not-call list: a person who asked " +
    'this seller to stop is not called again. Applies to informational calls and business lines too, and in every ' +
    "jurisdiction: the finding cites the Canadian Telemarketing Rules for a Canadian number, and only the FCC's rule " +
    "for a broker-dealer's call (FINRA Rule 3230(a)(2) keeps the same firm-specific list).",
  exemptions: [
    'None: a do-not-call request overrides an established business relationship and written consent alike.',
  ],
  messages: {
    onInternalList: "{e164} is on {seller}'s internal do-not-call list; nothing lifts a do-not-call request",
  },
  applies: () => true,
  evaluate: (facts) =>
    facts.internalList.listed ? violation('onInternalList', { e164: facts.number.e164 ?? '', seller: facts.seller }) : pass,
  examples: [
    {
      title: 'The callee asked acme to stop calling',
      request: {
        at: '2026-03-10T14:00:00-05:00',
        to: '+1 212 555 0147',
        method: 'manual',
        caller: { seller: 'acme' },
        registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['212-555-0147'] } },
      },
      verdict: 'block',
    },
  ],
});
