import { defineStateRow, everyDay } from '../state-row.js';

/** New Mexico: 09:00-21:00. */
export const newMexico = defineStateRow({
  state: 'NM',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "NMSA §57-12-22", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: everyDay('09:00', '21:00') }, citation: "NMSA §57-12-22(B)(5)", confidence: 'S', source: "rules.md §8 (FQ)" },
      ],
    },
  ],
});
