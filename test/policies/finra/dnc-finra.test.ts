import { testPolicy } from '../../../src/testing/test-policy.js';
import { dncFinra } from '../../../policies/finra/index.js';
import { writtenConsent } from '../../support/consents.js';

// A broker-dealer (lakeshore) calls a Columbus number on the national registry at 14:00 on Tuesday 10 March 2026.
const BROKER = { seller: 'lakeshore', kind: 'broker-dealer' as const };
const COLUMBUS = '+1 614 555 0188';
const listed = { national: { syncedAt: '2026-03-01', numbers: ['614-555-0188'] } };
const call = (extra: object = {}) => ({ to: COLUMBUS, at: '2026-03-10T14:00:00-04:00', caller: BROKER, registries: listed, ...extra });
const onRegistry = { messageId: 'onRegistry' as const, data: { e164: '+16145550188', seller: 'lakeshore' } };

testPolicy(dncFinra, {
  allowed: [
    { name: 'not on the registry copy', request: call({ registries: { national: { syncedAt: '2026-03-01', numbers: [] } } }) },
    { name: 'a customer of the firm (purchase 11 months ago)', request: call({ relationship: { lastTransactionAt: '2025-04-10' } }), exemptions: [{ messageId: 'transaction', data: { date: '2025-04-10' } }] },
    { name: 'an inquiry 2 months ago', request: call({ relationship: { lastInquiryAt: '2026-01-10' } }), exemptions: [{ messageId: 'inquiry', data: { date: '2026-01-10' } }] },
    {
      name: 'prior express written consent to the firm',
      request: call({ consents: [writtenConsent('lakeshore', '2025-05-01T00:00:00Z')] }),
      exemptions: [{ messageId: 'writtenConsent', data: { seller: 'lakeshore', date: '2025-05-01' } }],
    },
    { name: "the rep's personal acquaintance (Rule 3230(b)(3))", request: call({ relationship: { personal: true } }), exemptions: [{ messageId: 'personal' }] },
    { name: 'an ordinary seller is not under FINRA Rule 3230', request: call({ caller: { seller: 'lakeshore' } }) },
    { name: 'a business line', request: call({ callee: { business: true } }) },
    { name: 'an informational call', request: call({ purpose: 'informational' }) },
  ],
  blocked: [
    { name: 'a prospect from a purchased list', request: call(), findings: [onRegistry] },
    { name: 'oral consent is not the signed written agreement 3230(b)(2) asks for', request: call({ consents: [{ kind: 'prior-express', seller: 'lakeshore', grantedAt: '2025-05-01T00:00:00Z' }] }), findings: [onRegistry] },
    { name: 'an inquiry 4 months ago', request: call({ relationship: { lastInquiryAt: '2025-11-10' } }), findings: [onRegistry] },
    { name: 'written consent to another firm', request: call({ consents: [writtenConsent('acme', '2025-05-01T00:00:00Z')] }), findings: [onRegistry] },
    { name: 'personal: false', request: call({ relationship: { personal: false } }), findings: [onRegistry] },
  ],
});
