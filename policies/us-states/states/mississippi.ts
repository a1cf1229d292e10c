import { defineStateRow, mondayToSaturday } from '../state-row.js';

/** Mississippi: 08:00-20:00 Central Standard Time (a fixed clock), no Sundays; its own no-call list. */
export const mississippi = defineStateRow({
  state: 'MS',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "Miss. Code §77-3-723", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: mondayToSaturday({ from: '08:00', to: '20:00' }, null), clock: { offsetMinutes: -360, name: "Central Standard Time" } }, citation: "Miss. Code §77-3-723", confidence: 'P', source: "rules.md §8: getpocketlaw 77-3-723 text", note: "the statute fixes the clock at Central Standard Time all year" },
      ],
      bannedDays: { value: { weekdays: ["sunday"] }, citation: "Miss. Code §77-3-723", confidence: 'P', source: "rules.md §8: getpocketlaw 77-3-723 text", note: "the holiday ban was repealed in 2023/24; the Sunday ban stands" },
      dncList: { value: { name: "Mississippi no-call list", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "Miss. Code §77-3-707", confidence: 'S', source: "rules.md §8: psc.state.ms.us/nocall", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); sources conflict on whether the list still runs (compliancepoint omits it; the PSC page lists it): included, the stricter reading; refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
  ],
});
