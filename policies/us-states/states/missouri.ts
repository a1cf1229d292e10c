import { defineStateRow, everyDay } from '../state-row.js';

/** Missouri: 08:00-21:00 to residences; its own no-call list. */
export const missouri = defineStateRow({
  state: 'MO',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "RSMo 407.1076", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      hours: [
        { value: { windows: everyDay('08:00', '21:00') }, citation: "RSMo 407.1076(5)", confidence: 'S', source: "rules.md §8 (FQ)", note: "to a consumer's residence" },
      ],
      dncList: { value: { name: "Missouri no-call list", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "RSMo 407.1098", confidence: 'S', source: "rules.md §8; compliancepoint.com state list", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
  ],
});
