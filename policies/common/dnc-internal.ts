import { definePolicy, pass, violation } from '../../src/core/policy.js';

export const dncInternal = definePolicy({
  id: 'dnc.internal',
  title: "No calls to a number on the seller's own do-not-call list",
  citation: '47 CFR 64.1200(d); 16 CFR 310.4(b)(1)(iii)(A)',
  description:
    "Blocks any call to a number on the seller's internal (entity-specific) do-not-call list: a person who asked " +
    'this seller to stop is not called again. Applies to informational calls and business lines too.',
  exemptions: [
    'None: a do-not-call request overrides an established business relationship and written consent alike.',
  ],
  messages: {
    onInternalList: "{e164} is on {seller}'s internal do-not-call list; nothing lifts a do-not-call request",
  },
  applies: () => true,
  evaluate: (facts) =>
    facts.internalList.listed ? violation('onInternalList', { e164: facts.number.e164 ?? '', seller: facts.seller }) : pass,
  examples: [
    {
      title: 'The callee asked acme to stop calling',
      request: {
        at: '2026-03-10T14:00:00-05:00',
        to: '+1 212 555 0147',
        method: 'manual',
        caller: { seller: 'acme' },
        registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['212-555-0147'] } },
      },
      verdict: 'block',
    },
  ],
});
