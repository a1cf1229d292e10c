import { defineStateRow, everyDay } from '../state-row.js';

/** Florida Telephone Solicitation Act (2021 SB 1120): 08:00-20:00 and 3 calls per 24 hours on the same subject; its own do-not-call list. */
export const florida = defineStateRow({
  state: 'FL',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "Fla. Stat. 501.059(1)", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      dncList: { value: { name: "Florida Do Not Call list (FDACS)", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "Fla. Stat. 501.059(4)", confidence: 'S', source: "rules.md §8; compliancepoint.com state list", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
    {
      effectiveFrom: "2021-07-01",
      hours: [
        { value: { windows: everyDay('08:00', '20:00') }, citation: "Fla. Stat. 501.616(6)(a)", confidence: 'P', source: "rules.md §8: flsenate.gov 2021 CS/SB 1120 enrolled text; lawserver 501.616" },
      ],
      frequencyCap: { value: { calls: 3, windowHours: 24, sameSubject: true }, citation: "Fla. Stat. 501.616(6)(b)", confidence: 'P', source: "rules.md §8: flsenate.gov 2021 CS/SB 1120 enrolled text", note: "in force with SB 1120, taken as July 1 2021" },
    },
  ],
});
