import { testPolicy } from '../../../src/testing/test-policy.js';
import { hoursFinra } from '../../../policies/finra/index.js';
import { writtenConsent } from '../../support/consents.js';

// A broker-dealer (lakeshore) calls Columbus, Ohio (614, America/New_York) on Tuesday 10 March 2026.
const BROKER = { seller: 'lakeshore', kind: 'broker-dealer' as const };
const COLUMBUS = '+1 614 555 0188';
const call = (at: string, extra: object = {}) => ({ to: COLUMBUS, at, caller: BROKER, ...extra });
const outside = (cases: string) => ({ messageId: 'outside' as const, data: { cases } });

testPolicy(hoursFinra, {
  allowed: [
    { name: '08:00:00 in Columbus', request: call('2026-03-10T08:00:00-04:00') },
    { name: '20:59:59 in Columbus', request: call('2026-03-10T20:59:59-04:00') },
    { name: 'spring forward: 12:00Z on Sunday 8 March is 08:00 EDT in Columbus', request: call('2026-03-08T12:00:00Z') },
    { name: 'fall back: 01:59:59Z on 2 November is 20:59:59 EST on 1 November in Columbus', request: call('2026-11-02T01:59:59Z') },
    {
      name: '21:30 to a customer who bought 11 months ago: the firm has an established business relationship',
      request: call('2026-03-10T21:30:00-04:00', { relationship: { lastTransactionAt: '2025-04-10' } }),
      exemptions: [{ messageId: 'relationship', data: { cases: '21:30 in America/New_York', relationship: 'transaction', date: '2025-04-10' } }],
    },
    {
      name: '21:30 after an inquiry 2 months ago',
      request: call('2026-03-10T21:30:00-04:00', { relationship: { lastInquiryAt: '2026-01-10' } }),
      exemptions: [{ messageId: 'relationship', data: { cases: '21:30 in America/New_York', relationship: 'inquiry', date: '2026-01-10' } }],
    },
    {
      name: "07:30 with the callee's prior express (oral) consent to the firm",
      request: call('2026-03-10T07:30:00-04:00', { consents: [{ kind: 'prior-express', seller: 'lakeshore', grantedAt: '2025-05-01T00:00:00Z' }] }),
      exemptions: [{ messageId: 'consent', data: { cases: '07:30 in America/New_York', seller: 'lakeshore', consentKind: 'prior express consent', date: '2025-05-01' } }],
    },
    { name: 'an ordinary seller is not under FINRA Rule 3230', request: { to: COLUMBUS, at: '2026-03-10T21:30:00-04:00' } },
    { name: 'a business line', request: call('2026-03-10T22:00:00-04:00', { callee: { business: true } }) },
    { name: 'an informational call', request: call('2026-03-10T22:00:00-04:00', { purpose: 'informational' }) },
  ],
  blocked: [
    { name: '07:59:59 in Columbus', request: call('2026-03-10T07:59:59-04:00'), findings: [outside('07:59:59 in America/New_York')] },
    { name: '21:00:00 in Columbus', request: call('2026-03-10T21:00:00-04:00'), findings: [outside('21:00 in America/New_York')] },
    { name: 'spring forward: 11:59:59Z on Sunday 8 March is 07:59:59 EDT in Columbus', request: call('2026-03-08T11:59:59Z'), findings: [outside('07:59:59 in America/New_York')] },
    { name: 'fall back: 02:00Z on 2 November is 21:00 EST on 1 November in Columbus (it would be 22:00 under EDT)', request: call('2026-11-02T02:00:00Z'), findings: [outside('21:00 in America/New_York')] },
    { name: '21:30 to a prospect', request: call('2026-03-10T21:30:00-04:00'), findings: [outside('21:30 in America/New_York')] },
    {
      name: 'an inquiry 4 months ago is past the 3-month relationship',
      request: call('2026-03-10T21:30:00-04:00', { relationship: { lastInquiryAt: '2025-11-10' } }),
      findings: [outside('21:30 in America/New_York')],
    },
    {
      name: 'a purchase 19 months ago is past the 18-month relationship',
      request: call('2026-03-10T21:30:00-04:00', { relationship: { lastTransactionAt: '2024-08-01' } }),
      findings: [outside('21:30 in America/New_York')],
    },
    {
      name: 'consent to another firm',
      request: call('2026-03-10T21:30:00-04:00', { consents: [writtenConsent('acme', '2025-05-01T00:00:00Z')] }),
      findings: [outside('21:30 in America/New_York')],
    },
    {
      name: '208 at 21:00 Mountain: Boise and Denver are outside, Los Angeles is not',
      request: { ...call('2026-03-10T21:00:00-06:00'), to: '+1 208 555 0100' },
      findings: [outside('21:00 in America/Boise, 21:00 in America/Denver')],
    },
  ],
});
