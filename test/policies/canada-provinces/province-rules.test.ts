import { testPolicy } from '../../../src/testing/test-policy.js';
import { daysProvince, frequencyProvince } from '../../../policies/canada-provinces/index.js';

// Vancouver (604, America/Vancouver), Toronto (416); BC's statutory holidays from date-holidays' public rows for BC.
const VANCOUVER = '+1 604 555 0199';
const TORONTO = '+1 416 555 0199';
const DNCL = { canada: { syncedAt: '2026-11-01', numbers: [] } };
const vancouver = (at: string, extra: object = {}) => ({ to: VANCOUVER, at, registries: DNCL, ...extra });
const holiday = (date: string, name: string, zone = 'America/Vancouver') => ({
  messageId: 'legalHoliday' as const,
  data: { date, holiday: name, zone, state: 'British Columbia' },
  message: `${date} is ${name} in ${zone}, a legal holiday on which British Columbia bans telemarketing calls`,
});

testPolicy(daysProvince, {
  allowed: [
    { name: 'the day after Remembrance Day in Vancouver', request: vancouver('2026-11-12T14:00:00-08:00') },
    { name: "Valentine's Day, an observance the row does not name", request: vancouver('2026-02-14T11:00:00-08:00') },
    { name: 'Remembrance Day in Toronto: Ontario has no row', request: { to: TORONTO, at: '2026-11-11T14:00:00-05:00', registries: DNCL } },
    { name: 'Remembrance Day in Vancouver, an informational call', request: vancouver('2026-11-11T14:00:00-08:00', { purpose: 'informational' }) },
    { name: 'Remembrance Day in Vancouver, a business line', request: vancouver('2026-11-11T14:00:00-08:00', { callee: { business: true } }) },
    {
      name: '23:30 Pacific on 24 December: Christmas Day has not begun in Vancouver',
      request: vancouver('2026-12-24T23:30:00-08:00'),
    },
  ],
  blocked: [
    { name: 'Remembrance Day in Vancouver', request: vancouver('2026-11-11T14:00:00-08:00'), findings: [holiday('2026-11-11', 'Remembrance Day')] },
    { name: 'British Columbia Day (first Monday of August)', request: vancouver('2026-08-03T11:00:00-07:00'), findings: [holiday('2026-08-03', 'British Columbia Day')] },
    { name: 'Christmas Day at 00:00 Pacific', request: vancouver('2026-12-25T00:00:00-08:00'), findings: [holiday('2026-12-25', 'Christmas Day')] },
    {
      name: '30 September, National Day for Truth and Reconciliation: an observance in the package, banned by the row',
      request: vancouver('2026-09-30T11:00:00-07:00'),
      findings: [holiday('2026-09-30', 'National Day for Truth and Reconciliation')],
    },
    {
      name: 'a Toronto number whose lead lives in British Columbia (callee.state BC) on BC Day',
      request: { to: TORONTO, at: '2026-08-03T14:00:00-04:00', callee: { state: 'BC' }, registries: DNCL },
      findings: [{ ...holiday('2026-08-03', 'British Columbia Day', 'America/Toronto') }],
    },
  ],
});

testPolicy(frequencyProvince, {
  allowed: [
    { name: 'a first call', request: vancouver('2026-03-20T14:00:00-07:00', { subject: 'solar panels' }) },
    {
      name: 'a second call 30 days and a minute after the first',
      request: vancouver('2026-04-01T18:01:00Z', { subject: 'solar panels', history: [{ at: '2026-03-02T18:00:00Z', subject: 'solar panels' }] }),
    },
    {
      name: 'a call about another offer',
      request: vancouver('2026-03-20T14:00:00-07:00', { subject: 'solar panels', history: [{ at: '2026-03-02T18:00:00Z', subject: 'home insurance' }] }),
    },
    { name: 'a Toronto number: Ontario has no cap', request: { to: TORONTO, at: '2026-03-20T14:00:00-04:00', history: [{ at: '2026-03-19T18:00:00Z' }], registries: DNCL } },
  ],
  blocked: [
    {
      name: 'a second call about the same offer 18 days after the first',
      request: vancouver('2026-03-20T14:00:00-07:00', { subject: 'solar panels', history: [{ at: '2026-03-02T18:00:00Z', subject: 'Solar Panels' }] }),
      findings: [{ messageId: 'overCap', data: { nth: 2, hours: 720, onSubject: ' on the same subject ("solar panels")', state: 'British Columbia', cap: 1 } }],
    },
    {
      name: 'a second call exactly 30 days (720 hours) minus a minute after the first',
      request: vancouver('2026-04-01T17:59:00Z', { subject: 'solar panels', history: [{ at: '2026-03-02T18:00:00Z', subject: 'solar panels' }] }),
      findings: [{ messageId: 'overCap', data: { nth: 2, hours: 720, onSubject: ' on the same subject ("solar panels")', state: 'British Columbia', cap: 1 } }],
    },
    {
      name: 'an unknown subject counts as the same (fail closed)',
      request: vancouver('2026-03-20T14:00:00-07:00', { history: [{ at: '2026-03-02T18:00:00Z', subject: 'home insurance' }] }),
      findings: [{ messageId: 'overCap', data: { nth: 2, hours: 720, onSubject: ' on the same subject (the subject is unknown, so every earlier call counts)', state: 'British Columbia', cap: 1 } }],
    },
  ],
});
