import { defineStateRow, everyDay } from '../state-row.js';

/** Washington: 08:00-20:00. */
export const washington = defineStateRow({
  state: 'WA',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "RCW 19.158.110", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: everyDay('08:00', '20:00') }, citation: "RCW 19.158.110(4)", confidence: 'S', source: "rules.md §8 (FQ)" },
      ],
    },
  ],
});
