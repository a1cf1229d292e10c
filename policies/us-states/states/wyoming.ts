import { defineStateRow, everyDay } from '../state-row.js';

/** Wyoming: 08:00-20:00; its own do-not-call list. */
export const wyoming = defineStateRow({
  state: 'WY',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "Wyo. Stat. §40-12-302", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      hours: [
        { value: { windows: everyDay('08:00', '20:00') }, citation: "Wyo. Stat. §40-12-302(d)", confidence: 'S', source: "rules.md §8 (FQ)" },
      ],
      dncList: { value: { name: "Wyoming do-not-call list", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "Wyo. Stat. §40-12-301 et seq.", confidence: 'S', source: "rules.md §8; compliancepoint.com state list", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
  ],
});
