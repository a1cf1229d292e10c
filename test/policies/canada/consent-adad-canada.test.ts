import { testPolicy } from '../../../src/testing/test-policy.js';
import { consentAdadCanada } from '../../../policies/canada/index.js';
import { writtenConsent } from '../../support/consents.js';

const TORONTO = '+1 416 555 0199';
const AT = '2026-03-10T14:00:00-04:00';
const DNCL = { canada: { syncedAt: '2026-03-01', numbers: [] } };
const prerecorded = (extra: object = {}) => ({ to: TORONTO, at: AT, method: 'prerecorded' as const, registries: DNCL, ...extra });
const base = { call: 'prerecorded (ADAD) call to a Canadian number', seller: 'acme', consentKind: 'express written consent or express consent' };

testPolicy(consentAdadCanada, {
  allowed: [
    {
      name: 'oral express consent (prior-express) to this seller',
      request: prerecorded({ consents: [{ kind: 'prior-express', seller: 'acme', grantedAt: '2025-05-01T00:00:00Z' }] }),
      exemptions: [{ messageId: 'consented', data: { ...base, consentKind: 'express consent', date: '2025-05-01' } }],
    },
    {
      name: 'written express consent to this seller',
      request: prerecorded({ consents: [writtenConsent('acme', '2025-05-01T00:00:00Z')] }),
      exemptions: [{ messageId: 'consented', data: { ...base, consentKind: 'express written consent', date: '2025-05-01' } }],
    },
    { name: 'an autodialed call with a live agent to a mobile is not an ADAD call', request: { to: TORONTO, at: AT, method: 'autodialer', callee: { lineType: 'mobile' }, registries: DNCL } },
    { name: 'a manual call', request: { to: TORONTO, at: AT, registries: DNCL } },
  ],
  blocked: [
    { name: 'no consent on file', request: prerecorded(), findings: [{ messageId: 'noConsent', data: base }] },
    {
      name: 'a purchase last year (an established business relationship) does not suffice (CRTC 2014-155)',
      request: prerecorded({ relationship: { lastTransactionAt: '2025-06-01' } }),
      findings: [{ messageId: 'noConsent', data: base }],
    },
    { name: 'consent given to another seller', request: prerecorded({ consents: [writtenConsent('globex', '2025-05-01T00:00:00Z')] }), findings: [{ messageId: 'otherSeller', data: base }] },
    {
      name: 'consent revoked before the call',
      request: prerecorded({ consents: [{ ...writtenConsent('acme', '2025-05-01T00:00:00Z'), revokedAt: '2026-03-10T17:00:00Z' }] }),
      findings: [{ messageId: 'revoked', data: { ...base, instant: '2026-03-10T17:00:00Z' } }],
    },
    { name: 'an informational prerecorded call needs consent too', request: prerecorded({ purpose: 'informational' }), findings: [{ messageId: 'noConsent', data: base }] },
    { name: 'a business line is no exemption', request: prerecorded({ callee: { business: true } }), findings: [{ messageId: 'noConsent', data: base }] },
  ],
});
