import { defineStateRow } from '../state-row.js';

/** Colorado: its own no-call list; no hours rule of its own was found. */
export const colorado = defineStateRow({
  state: 'CO',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "C.R.S. 6-1-904", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      dncList: { value: { name: "Colorado no-call list", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "C.R.S. 6-1-904", confidence: 'S', source: "rules.md §8", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
  ],
});
