import { definePolicy } from '../../src/core/policy.js';
import { CONSENT_MESSAGES, consentOutcome } from '../consent-outcome.js';

/** The call as the findings name it, by method and line: four constant sentences, not built per attempt. */
const CALL_WORDS = {
  autodialer: { mobile: 'autodialed call to a mobile line', unknown: 'autodialed call to a line of unknown type (treated as mobile)' },
  prerecorded: { mobile: 'prerecorded call to a mobile line', unknown: 'prerecorded call to a line of unknown type (treated as mobile)' },
} as const;

export const consentAutodialWireless = definePolicy({
  id: 'consent.autodial-wireless',
  title: 'Autodialed or prerecorded calls to mobile lines need prior consent',
  citation: '47 CFR 64.1200(a)(1)(iii); 47 CFR 64.1200(a)(2)',
  description:
    'Blocks an autodialer or prerecorded call to a mobile line, or to a line of unknown type (treated as mobile), ' +
    'without a consent valid at the time of the call for this seller: granted at or before the call, not revoked at ' +
    'or before it, and given to this exact seller. Telemarketing needs prior express written consent; an ' +
    'informational call accepts prior express consent of either kind. Applies to business lines too.',
  exemptions: [
    'Manually dialed calls (`method: manual`).',
    'Landlines (`callee.lineType: landline`); prerecorded telemarketing to a landline is consent.prerecorded-residential.',
  ],
  messages: CONSENT_MESSAGES,
  applies: (facts) => facts.method !== 'manual' && facts.callee.lineType !== 'landline',
  evaluate: (facts) => {
    const call = CALL_WORDS[facts.method === 'autodialer' ? 'autodialer' : 'prerecorded'][facts.callee.lineType === 'mobile' ? 'mobile' : 'unknown'];
    const written = { status: facts.consents.priorExpressWritten, name: 'prior express written consent' };
    return facts.purpose === 'telemarketing'
      ? consentOutcome(facts, [written], call)
      : consentOutcome(facts, [written, { status: facts.consents.priorExpress, name: 'prior express consent' }], call);
  },
  examples: [
    {
      title: 'Predictive dialer to a mobile number, no consent',
      request: {
        at: '2026-03-10T14:00:00-05:00',
        to: '+1 312 555 0188',
        method: 'autodialer',
        caller: { seller: 'acme' },
        callee: { lineType: 'mobile' },
        registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
      },
      verdict: 'block',
    },
    {
      title: 'The same call with written consent to acme',
      request: {
        at: '2026-03-10T14:00:00-05:00',
        to: '+1 312 555 0188',
        method: 'autodialer',
        caller: { seller: 'acme' },
        callee: { lineType: 'mobile' },
        consents: [{ kind: 'prior-express-written', seller: 'acme', grantedAt: '2025-01-02T00:00:00Z' }],
        registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
      },
      verdict: 'allow',
    },
  ],
});
