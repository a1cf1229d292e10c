import { definePolicy } from '../../src/core/policy.js';
import { CALL_CAP_MESSAGES, callCapChangesAt, callCapOutcome } from '../us-states/frequency-state.js';
import { appliesToTableRows } from '../us-states/state-scope.js';
import { PROVINCE_ROWS } from './province-table.js';

export const frequencyProvince = definePolicy({
  id: 'frequency.province',
  title: "No more calls to one callee than a candidate province's cap allows (British Columbia: one in 30 days)",
  citation: 'Provincial telemarketing law; the law of each province that decides is cited in the finding (docs/rules/canada.md)',
  description:
    "Blocks a telemarketing call that would exceed a candidate province's cap on calls by this seller to this callee " +
    "on the same subject: British Columbia allows one contact in 30 days (720 hours) for the same good or service, so " +
    'a second call within 30 days blocks. The calls counted are the `history` entries in the window before the call, ' +
    'as for frequency.state; an unknown subject counts as the same (fail closed).',
  exemptions: ['Informational calls (`purpose: informational`).', 'Business lines (`callee.business: true`).'],
  timeRule: true,
  messages: CALL_CAP_MESSAGES,
  applies: appliesToTableRows('frequencyCap', PROVINCE_ROWS),
  changesAt: (facts) => callCapChangesAt(facts, PROVINCE_ROWS),
  evaluate: (facts) => callCapOutcome(facts, PROVINCE_ROWS),
  examples: [
    {
      title: 'A second call about the same offer to a Vancouver number within 30 days',
      request: {
        at: '2026-03-20T14:00:00-07:00',
        to: '+1 604 555 0199',
        method: 'manual',
        caller: { seller: 'acme' },
        subject: 'solar panels',
        history: [{ at: '2026-03-02T11:00:00-08:00', subject: 'solar panels' }],
        registries: { canada: { syncedAt: '2026-03-15', numbers: [] } },
      },
      verdict: 'block',
    },
  ],
});
