import { insideWindow, wallClock } from '../../src/core/clock.js';
import { establishedRelationship, expressConsent } from '../../src/core/established-relationship.js';
import { definePolicy, lifted, pass, violation } from '../../src/core/policy.js';
import { FINRA_FACTS } from './finra-facts.js';

export const hoursFinra = definePolicy({
  id: 'hours.finra',
  title: "A broker-dealer's telemarketing calls to a residence only between 08:00 and 21:00 local time",
  citation: FINRA_FACTS.window.citation,
  description:
    "Blocks a broker-dealer's telemarketing call to a residence when the callee's local time is before 08:00 or at or " +
    'after 21:00 in ANY candidate zone, unless the firm has an established business relationship with the callee ' +
    "(a transaction within 18 months, an inquiry within 3) or the callee's prior express consent (either kind). " +
    "FINRA's third exception, a callee who is a broker or dealer, cannot be expressed in a request, so it never lifts " +
    'the rule (docs/rules/finra.md).',
  exemptions: [
    'Established business relationship of the firm with the callee.',
    "The callee's prior express invitation or permission (a consent of either kind to this seller).",
    'Informational calls and business lines (`callee.business: true`).',
  ],
  requires: ['localTime'],
  timeRule: true,
  messages: {
    outside: '{cases}: outside 08:00–21:00, the hours FINRA Rule 3230 allows a broker-dealer to call a residence',
    relationship: '{cases} is outside 08:00–21:00, but the firm has an established business relationship ({relationship} on {date})',
    consent: '{cases} is outside 08:00–21:00, but the callee gave {seller} {consentKind} on {date}',
  },
  applies: (facts) => facts.callerKind === 'broker-dealer' && facts.purpose === 'telemarketing' && !facts.callee.business,
  evaluate: (facts) => {
    const outside = facts.callee.localTimes.filter((local) => !insideWindow(local.secondOfDay, FINRA_FACTS.window.value));
    if (outside.length === 0) return pass;
    const cases = outside.map((local) => `${wallClock(local.iso)} in ${local.zone}`).join(', ');
    const relationship = establishedRelationship(facts.relationship, facts.at, FINRA_FACTS.relationshipMonths.value);
    if (relationship !== undefined) return lifted('relationship', { cases, relationship: relationship.kind, date: relationship.date });
    const consent = expressConsent(facts.consents);
    if (consent !== undefined) return lifted('consent', { cases, seller: facts.seller, consentKind: consent.kind, date: consent.date });
    return violation('outside', { cases });
  },
  examples: [
    {
      title: "21:30 in Columbus, Ohio, a broker-dealer's existing customer",
      request: {
        at: '2026-03-10T21:30:00-04:00',
        to: '+1 614 555 0188',
        method: 'manual',
        caller: { seller: 'lakeshore-securities', kind: 'broker-dealer' },
        relationship: { lastTransactionAt: '2025-11-02' },
        registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
      },
      verdict: 'allow',
    },
    {
      title: '21:30 in Columbus, Ohio, a prospect',
      request: {
        at: '2026-03-10T21:30:00-04:00',
        to: '+1 614 555 0188',
        method: 'manual',
        caller: { seller: 'lakeshore-securities', kind: 'broker-dealer' },
        registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
      },
      verdict: 'block',
    },
  ],
});
