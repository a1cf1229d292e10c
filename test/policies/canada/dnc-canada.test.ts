import { testPolicy } from '../../../src/testing/test-policy.js';
import { dncCanada } from '../../../policies/canada/index.js';
import { writtenConsent } from '../../support/consents.js';

// A manual telemarketing call to Toronto at 14:00 EDT on Tuesday 10 March 2026 (18:00Z): 18 calendar months before
// it is 2024-09-10T18:00:00Z, 6 months before it 2025-09-10T18:00:00Z.
const TORONTO = '+1 416 555 0199';
const AT = '2026-03-10T14:00:00-04:00';
const listed = { canada: { syncedAt: '2026-03-01', numbers: ['416-555-0199'] } };
const call = (extra: object = {}) => ({ to: TORONTO, at: AT, registries: listed, ...extra });
const onList = { messageId: 'onList' as const, data: { e164: '+14165550199', seller: 'acme' } };

testPolicy(dncCanada, {
  allowed: [
    { name: 'not on the DNCL copy', request: { to: TORONTO, at: AT, registries: { canada: { syncedAt: '2026-03-01', numbers: [] } } } },
    {
      name: 'a purchase 17 months ago lifts it',
      request: call({ relationship: { lastTransactionAt: '2024-10-10' } }),
      exemptions: [{ messageId: 'transaction', data: { date: '2024-10-10' } }],
    },
    {
      name: 'a purchase 18 months to the instant before the call still counts',
      request: call({ relationship: { lastTransactionAt: '2024-09-10T18:00:00Z' } }),
      exemptions: [{ messageId: 'transaction', data: { date: '2024-09-10' } }],
    },
    {
      name: 'an inquiry 6 months to the instant before the call still counts (twice the US 3 months)',
      request: call({ relationship: { lastInquiryAt: '2025-09-10T18:00:00Z' } }),
      exemptions: [{ messageId: 'inquiry', data: { date: '2025-09-10' } }],
    },
    {
      name: 'an inquiry 4 months ago counts in Canada (it would not in the US)',
      request: call({ relationship: { lastInquiryAt: '2025-11-10' } }),
      exemptions: [{ messageId: 'inquiry', data: { date: '2025-11-10' } }],
    },
    {
      name: 'oral express consent (prior-express) lifts it',
      request: call({ consents: [{ kind: 'prior-express', seller: 'acme', grantedAt: '2025-05-01T00:00:00Z' }] }),
      exemptions: [{ messageId: 'consent', data: { seller: 'acme', consentKind: 'prior express consent', date: '2025-05-01' } }],
    },
    {
      name: 'written express consent lifts it',
      request: call({ consents: [writtenConsent('acme', '2025-05-01T00:00:00Z')] }),
      exemptions: [{ messageId: 'consent', data: { seller: 'acme', consentKind: 'prior express written consent', date: '2025-05-01' } }],
    },
    { name: 'a business line: calls to businesses are exempt from the DNCL', request: call({ callee: { business: true } }) },
    { name: 'an informational call', request: call({ purpose: 'informational' }) },
  ],
  blocked: [
    { name: 'on the copy, nothing on file', request: call(), findings: [onList] },
    { name: 'a purchase 18 months and one minute before the call', request: call({ relationship: { lastTransactionAt: '2024-09-10T17:59:00Z' } }), findings: [onList] },
    { name: 'an inquiry 6 months and one minute before the call', request: call({ relationship: { lastInquiryAt: '2025-09-10T17:59:00Z' } }), findings: [onList] },
    { name: 'an inquiry 7 months ago', request: call({ relationship: { lastInquiryAt: '2025-08-10' } }), findings: [onList] },
    { name: 'a purchase dated after the call does not count', request: call({ relationship: { lastTransactionAt: '2026-03-11' } }), findings: [onList] },
    { name: 'consent to another seller', request: call({ consents: [writtenConsent('globex', '2025-05-01T00:00:00Z')] }), findings: [onList] },
    {
      name: 'a revoked consent',
      request: call({ consents: [{ ...writtenConsent('acme', '2025-05-01T00:00:00Z'), revokedAt: '2026-01-01T00:00:00Z' }] }),
      findings: [onList],
    },
    { name: 'a personal relationship is no Canadian exemption', request: call({ relationship: { personal: true } }), findings: [onList] },
    { name: 'every method and line: an autodialed call to a mobile', request: call({ method: 'autodialer', callee: { lineType: 'mobile' } }), findings: [onList] },
  ],
});
