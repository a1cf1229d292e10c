import { establishedRelationship } from '../../src/core/established-relationship.js';
import { formatDateUtc } from '../../src/core/instant.js';
import { definePolicy, lifted, pass, violation } from '../../src/core/policy.js';
import { FINRA_FACTS } from './finra-facts.js';

export const dncFinra = definePolicy({
  id: 'dnc.finra',
  title: "No broker-dealer telemarketing calls to numbers on the national registry without a Rule 3230(b) exception",
  citation: 'FINRA Rule 3230(a)(3); FINRA Rule 3230(b)',
  description:
    "Blocks a broker-dealer's telemarketing call to a residential number on the seller's copy of the US national " +
    'do-not-call registry unless one of the three exceptions of FINRA Rule 3230(b) applies: an established business ' +
    'relationship, prior express written consent (a signed written agreement naming the number), or a personal ' +
    'relationship of the caller with the callee (`relationship.personal`).',
  exemptions: [
    'Established business relationship: a transaction within 18 months or an inquiry within 3 months before the call.',
    'Prior express written consent to this seller.',
    'A personal relationship: the caller is family, a friend or an acquaintance of the callee.',
    'Informational calls and business lines (`callee.business: true`).',
  ],
  messages: {
    onRegistry:
      '{e164} is on the national do-not-call registry and no exception of FINRA Rule 3230(b) applies (no relationship with the firm, no written consent to {seller}, no personal relationship)',
    transaction: 'established business relationship: transaction on {date}, within the 18 months before the call',
    inquiry: 'established business relationship: inquiry on {date}, within the 3 months before the call',
    writtenConsent: 'prior express written consent to {seller}, granted {date}',
    personal: 'personal relationship: the caller knows the callee (family, friend or acquaintance)',
  },
  applies: (facts) => facts.callerKind === 'broker-dealer' && facts.purpose === 'telemarketing' && !facts.callee.business,
  evaluate: (facts) => {
    if (!facts.nationalRegistry.listed) return pass;
    const relationship = establishedRelationship(facts.relationship, facts.at, FINRA_FACTS.relationshipMonths.value);
    if (relationship !== undefined) return lifted(relationship.kind, { date: relationship.date });
    const consent = facts.consents.priorExpressWritten;
    if (consent.valid) return lifted('writtenConsent', { seller: facts.seller, date: formatDateUtc(consent.grantedAt) });
    if (facts.relationship.personal) return lifted('personal');
    return violation('onRegistry', { e164: facts.number.e164 ?? '', seller: facts.seller });
  },
  examples: [
    {
      title: "On the registry, but the broker's college roommate",
      request: {
        at: '2026-03-10T14:00:00-05:00',
        to: '+1 312 555 0188',
        method: 'manual',
        caller: { seller: 'lakeshore-securities', kind: 'broker-dealer' },
        relationship: { personal: true },
        registries: { national: { syncedAt: '2026-03-01', numbers: ['312-555-0188'] }, states: { IL: { syncedAt: '2026-03-01', numbers: [] } } },
      },
      verdict: 'allow',
    },
    {
      title: 'On the registry, a prospect from a purchased list',
      request: {
        at: '2026-03-10T14:00:00-05:00',
        to: '+1 312 555 0188',
        method: 'manual',
        caller: { seller: 'lakeshore-securities', kind: 'broker-dealer' },
        registries: { national: { syncedAt: '2026-03-01', numbers: ['312-555-0188'] }, states: { IL: { syncedAt: '2026-03-01', numbers: [] } } },
      },
      verdict: 'block',
    },
  ],
});
