import { defineStateRow, everyDay } from '../state-row.js';

/** Indiana: its own do-not-call list; prerecorded (ADAD) calls 09:00-20:00 (unconfirmed). */
export const indiana = defineStateRow({
  state: 'IN',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "IC 24-4.7", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      hours: [
        { value: { windows: everyDay('09:00', '20:00'), methods: ["prerecorded"] }, citation: "Ind. Code §24-5-14-8", confidence: 'U', source: "jurisdictions.md §G: anchors only (ids 70149583949, 54652803335)", note: "automatic dialing-announcing devices only (prerecorded calls); unconfirmed" },
      ],
      dncList: { value: { name: "Indiana do-not-call list", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "IC 24-4.7", confidence: 'S', source: "rules.md §8", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); published quarterly; refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
  ],
});
