import { establishedRelationship, US_RELATIONSHIP_MONTHS } from '../../src/core/established-relationship.js';
import { formatDateUtc } from '../../src/core/instant.js';
import { definePolicy, lifted, pass, violation } from '../../src/core/policy.js';
import { fccAndTsrCitation, isBrokerDealer } from './broker-dealer.js';

export const dncNational = definePolicy({
  id: 'dnc.national',
  title: 'No telemarketing calls to numbers on the National Do Not Call Registry without an exemption',
  ...fccAndTsrCitation('47 CFR 64.1200(c)(2)', '16 CFR 310.4(b)(1)(iii)(B)'),
  description:
    "Blocks a telemarketing call to a residential number listed in the seller's copy of the national registry, " +
    'unless an exemption applies. Months are calendar months counted back from the call in UTC; a relationship ' +
    'date after the call does not count.',
  exemptions: [
    'Established business relationship: a purchase or transaction within the 18 months before the call.',
    'Established business relationship: an inquiry or application within the 3 months before the call.',
    'Prior express written consent to this seller (same seller, granted before the call, not revoked).',
    'Informational calls and business lines: the registry limits telephone solicitations of residential subscribers.',
    "Broker-dealers only (the FCC's rule, 47 CFR 64.1200(c)(2)(iii)): a personal relationship of the caller with the callee (`relationship.personal`). The TSR, which governs every other seller, has no such exemption.",
  ],
  messages: {
    onRegistry:
      '{e164} is on the national do-not-call registry and no exemption applies (no purchase within 18 months, no inquiry within 3 months, no written consent to {seller})',
    transaction: 'established business relationship: transaction on {date}, within the 18 months before the call',
    inquiry: 'established business relationship: inquiry on {date}, within the 3 months before the call',
    writtenConsent: 'prior express written consent to {seller}, granted {date}',
    personal: "personal relationship: the broker-dealer's caller knows the callee (family, friend or acquaintance)",
  },
  applies: (facts) => facts.purpose === 'telemarketing' && !facts.callee.business,
  evaluate: (facts) => {
    if (!facts.nationalRegistry.listed) return pass;
    const relationship = establishedRelationship(facts.relationship, facts.at, US_RELATIONSHIP_MONTHS);
    if (relationship !== undefined) return lifted(relationship.kind, { date: relationship.date });
    const consent = facts.consents.priorExpressWritten;
    if (consent.valid) return lifted('writtenConsent', { seller: facts.seller, date: formatDateUtc(consent.grantedAt) });
    if (isBrokerDealer(facts) && facts.relationship.personal) return lifted('personal');
    return violation('onRegistry', { e164: facts.number.e164 ?? '', seller: facts.seller });
  },
  examples: [
    {
      title: 'On the registry, no relationship',
      request: {
        at: '2026-03-10T14:00:00-05:00',
        to: '+1 312 555 0188',
        method: 'manual',
        caller: { seller: 'acme' },
        registries: { national: { syncedAt: '2026-03-01', numbers: ['312-555-0188'] } },
      },
      verdict: 'block',
    },
    {
      title: 'On the registry, bought from acme a year ago',
      request: {
        at: '2026-03-10T14:00:00-05:00',
        to: '+1 312 555 0188',
        method: 'manual',
        caller: { seller: 'acme' },
        relationship: { lastTransactionAt: '2025-03-15' },
        registries: { national: { syncedAt: '2026-03-01', numbers: ['312-555-0188'] } },
      },
      verdict: 'allow',
    },
  ],
});
