import { defineStateRow, everyDay } from '../state-row.js';

/** Tennessee: 08:00-21:00 (as federal) to residences; the Public Utility Commission's do-not-call list. */
export const tennessee = defineStateRow({
  state: 'TN',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "Tenn. Comp. R. & Regs. 1220-04-11-.02", confidence: 'P', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      hours: [
        { value: { windows: everyDay('08:00', '21:00') }, citation: "Tenn. Comp. R. & Regs. 1220-04-11-.02", confidence: 'P', source: "rules.md §8: law.cornell.edu Tenn. Comp. R. & Regs. 1220-04-11-.02", note: "calls and texts to residential subscribers" },
      ],
      dncList: { value: { name: "Tennessee do-not-call list (TPUC)", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "Tenn. Code §65-4-405", confidence: 'S', source: "rules.md §8; compliancepoint.com state list", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); published monthly (jurisdictions.md §G); refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
  ],
});
