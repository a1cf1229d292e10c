import { defineStateRow, everyDay, mondayToSaturday } from '../state-row.js';

/** Pennsylvania: 08:00-21:00 until Act 47 of 2026, then 09:00-19:00 and no Sundays; the Attorney General's do-not-call list. */
export const pennsylvania = defineStateRow({
  state: 'PA',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "73 P.S. §2245", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: everyDay('08:00', '21:00') }, citation: "73 P.S. §2245(a)(1)", confidence: 'S', source: "rules.md §8 (FQ)" },
      ],
      dncList: { value: { name: "Pennsylvania do-not-call list (Attorney General)", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "73 P.S. §2245.2", confidence: 'S', source: "rules.md §8; compliancepoint.com state list", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
    {
      effectiveFrom: "2026-10-18",
      scope: { value: "all", citation: "73 P.S. §2245 as amended by Act 47 of 2026 (SB 992)", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: mondayToSaturday({ from: '09:00', to: '19:00' }, null) }, citation: "73 P.S. §2245(a)(1) as amended by Act 47 of 2026 (SB 992)", confidence: 'S', source: "rules.md §8: Senate passage pasenategop.com (P); enactment and effective date FQ and glama.ai (S)", note: "effective 90 days after approval, taken as October 18 2026 (volatile; unconfirmed date)" },
      ],
      bannedDays: { value: { weekdays: ["sunday"] }, citation: "73 P.S. §2245 as amended by Act 47 of 2026 (SB 992)", confidence: 'S', source: "rules.md §8", note: "a new Sunday ban; jurisdictions.md §G notes anchors that allow Sunday afternoons: the stricter reading is encoded" },
    },
  ],
});
