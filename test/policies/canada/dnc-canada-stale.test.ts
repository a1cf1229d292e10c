import { testPolicy } from '../../../src/testing/test-policy.js';
import { dncCanadaStale } from '../../../policies/canada/index.js';

// A call to Toronto at 14:00 EDT on Tuesday 10 March 2026 (18:00Z); 31 x 24 hours before it is 2026-02-07T18:00:00Z.
const TORONTO = '+1 416 555 0199';
const AT = '2026-03-10T14:00:00-04:00';
const copy = (syncedAt: string) => ({ to: TORONTO, at: AT, registries: { canada: { syncedAt, numbers: [] } } });

testPolicy(dncCanadaStale, {
  allowed: [
    { name: 'a copy downloaded 9 days before the call', request: copy('2026-03-01') },
    { name: 'a copy exactly 31 x 24 hours old', request: copy('2026-02-07T18:00:00Z') },
    { name: 'a copy downloaded at the instant of the call', request: copy('2026-03-10T18:00:00Z') },
    { name: 'no copy, but a business line (exempt from the DNCL)', request: { to: TORONTO, at: AT, registries: {}, callee: { business: true } } },
    { name: 'no copy, but an informational call', request: { to: TORONTO, at: AT, registries: {}, purpose: 'informational' } },
  ],
  blocked: [
    { name: 'no copy at all', request: { to: TORONTO, at: AT, registries: {} }, findings: [{ messageId: 'missing' }] },
    {
      name: 'a US national copy does not stand in for the DNCL',
      request: { to: TORONTO, at: AT, registries: { national: { syncedAt: '2026-03-01', numbers: [] } } },
      findings: [{ messageId: 'missing' }],
    },
    {
      name: 'a copy 31 days and a minute old',
      request: copy('2026-02-07T17:59:00Z'),
      findings: [{ messageId: 'stale', data: { syncedAt: '2026-02-07T17:59:00Z', age: '31 days 00:01:00' } }],
    },
    {
      name: 'a date-only copy "2026-02-07" is 00:00 UTC, 31 days 18 hours before the call',
      request: copy('2026-02-07'),
      findings: [{ messageId: 'stale', data: { syncedAt: '2026-02-07T00:00:00Z', age: '31 days 18:00:00' } }],
    },
    { name: 'a copy dated after the call', request: copy('2026-03-11'), findings: [{ messageId: 'syncedAfterCall', data: { syncedAt: '2026-03-11T00:00:00Z' } }] },
  ],
});
