import { definePolicy } from '../../src/core/policy.js';
import { CONSENT_MESSAGES, consentOutcome } from '../consent-outcome.js';
import { CANADA_FACTS } from './canada-facts.js';

export const consentAdadCanada = definePolicy({
  id: 'consent.adad-canada',
  title: 'Prerecorded (ADAD) calls to Canadian numbers need express consent',
  citation: CANADA_FACTS.adadNeedsExpressConsent.citation,
  description:
    'Blocks a prerecorded call (`method: prerecorded`, an automatic dialing-announcing device) to a Canadian number ' +
    'without express consent to this seller, oral or written, valid at the time of the call. An established business ' +
    'relationship does not suffice (the CRTC refused it in 2014-155). An autodialed call with a live agent is not an ' +
    'ADAD call. Like every consent rule it applies to informational calls and business lines too.',
  exemptions: ['Manually dialed and autodialed calls with a live agent (`method: manual` or `autodialer`).'],
  messages: CONSENT_MESSAGES,
  applies: (facts) => facts.method === 'prerecorded',
  evaluate: (facts) =>
    consentOutcome(
      facts,
      [
        { status: facts.consents.priorExpressWritten, name: 'express written consent' },
        { status: facts.consents.priorExpress, name: 'express consent' },
      ],
      'prerecorded (ADAD) call to a Canadian number',
    ),
  examples: [
    {
      title: 'A prerecorded pitch to a Toronto customer who bought last year',
      request: {
        at: '2026-03-10T14:00:00-04:00',
        to: '+1 416 555 0199',
        method: 'prerecorded',
        caller: { seller: 'acme' },
        relationship: { lastTransactionAt: '2025-06-01' },
        registries: { canada: { syncedAt: '2026-03-01', numbers: [] } },
      },
      verdict: 'block',
    },
  ],
});
