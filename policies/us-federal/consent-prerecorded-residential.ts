import { definePolicy } from '../../src/core/policy.js';
import { fccAndTsrCitation } from './broker-dealer.js';
import { CONSENT_MESSAGES, consentOutcome } from '../consent-outcome.js';

export const consentPrerecordedResidential = definePolicy({
  id: 'consent.prerecorded-residential',
  title: 'Prerecorded telemarketing to a residential landline needs prior express written consent',
  ...fccAndTsrCitation('47 CFR 64.1200(a)(3)', '16 CFR 310.4(b)(1)(v)'),
  description:
    'Blocks a prerecorded (artificial or recorded voice) telemarketing call to a residential landline without ' +
    'prior express written consent to this seller, valid at the time of the call.',
  exemptions: [
    'Informational calls (`purpose: informational`).',
    'Business lines (`callee.business: true`).',
    'Mobile and unknown lines: those fall under consent.autodial-wireless.',
  ],
  messages: CONSENT_MESSAGES,
  applies: (facts) =>
    facts.method === 'prerecorded' &&
    facts.purpose === 'telemarketing' &&
    facts.callee.lineType === 'landline' &&
    !facts.callee.business,
  evaluate: (facts) =>
    consentOutcome(
      facts,
      [{ status: facts.consents.priorExpressWritten, name: 'prior express written consent' }],
      'prerecorded telemarketing call to a residential landline',
    ),
  examples: [
    {
      title: 'A prerecorded pitch to a landline',
      request: {
        at: '2026-03-10T14:00:00-05:00',
        to: '+1 312 555 0188',
        method: 'prerecorded',
        caller: { seller: 'acme' },
        callee: { lineType: 'landline' },
        registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
      },
      verdict: 'block',
    },
  ],
});
