import { establishedRelationship, expressConsent } from '../../src/core/established-relationship.js';
import { definePolicy, lifted, pass, violation } from '../../src/core/policy.js';
import { CANADA_FACTS } from './canada-facts.js';

const CANADA_RELATIONSHIP_MONTHS = { transactionMonths: CANADA_FACTS.transactionMonths.value, inquiryMonths: CANADA_FACTS.inquiryMonths.value };

export const dncCanada = definePolicy({
  id: 'dnc.canada',
  title: "No telemarketing calls to numbers on Canada's National Do Not Call List without an exemption",
  citation: `${CANADA_FACTS.dnclMaxAgeDays.citation}; ${CANADA_FACTS.transactionMonths.citation}`,
  description:
    "Blocks a telemarketing call to a residential Canadian number on the seller's copy of the National DNCL " +
    '(`registries.canada`), unless an exemption applies. Months are calendar months counted back from the call in ' +
    'UTC; a relationship date after the call does not count. Canada\'s inquiry window is 6 months, twice the US one.',
  exemptions: [
    'Established business relationship: a purchase within the 18 months before the call.',
    'Established business relationship: an inquiry or application within the 6 months before the call.',
    'Express consent to this seller, oral or written (either kind of consent on file).',
    'Informational calls and calls to businesses (`callee.business: true`).',
  ],
  messages: {
    onList:
      "{e164} is on Canada's National Do Not Call List and no exemption applies (no purchase within 18 months, no inquiry within 6 months, no express consent to {seller})",
    transaction: 'established business relationship: purchase on {date}, within the 18 months before the call',
    inquiry: 'established business relationship: inquiry on {date}, within the 6 months before the call',
    consent: 'express consent to {seller} ({consentKind}), granted {date}',
  },
  applies: (facts) => facts.purpose === 'telemarketing' && !facts.callee.business,
  evaluate: (facts) => {
    if (!facts.canadaRegistry.listed) return pass;
    const relationship = establishedRelationship(facts.relationship, facts.at, CANADA_RELATIONSHIP_MONTHS);
    if (relationship !== undefined) return lifted(relationship.kind, { date: relationship.date });
    const consent = expressConsent(facts.consents);
    if (consent !== undefined) return lifted('consent', { seller: facts.seller, consentKind: consent.kind, date: consent.date });
    return violation('onList', { e164: facts.number.e164 ?? '', seller: facts.seller });
  },
  examples: [
    {
      title: 'On the DNCL, bought from acme 17 months ago',
      request: {
        at: '2026-03-10T14:00:00-04:00',
        to: '+1 416 555 0199',
        method: 'manual',
        caller: { seller: 'acme' },
        relationship: { lastTransactionAt: '2024-10-10' },
        registries: { canada: { syncedAt: '2026-03-01', numbers: ['416-555-0199'] } },
      },
      verdict: 'allow',
    },
    {
      title: 'On the DNCL, an inquiry 7 months ago',
      request: {
        at: '2026-03-10T14:00:00-04:00',
        to: '+1 416 555 0199',
        method: 'manual',
        caller: { seller: 'acme' },
        relationship: { lastInquiryAt: '2025-08-10' },
        registries: { canada: { syncedAt: '2026-03-01', numbers: ['416-555-0199'] } },
      },
      verdict: 'block',
    },
  ],
});
