import { defineStateRow, everyDay } from '../state-row.js';

/** Michigan: 09:00-21:00. */
export const michigan = defineStateRow({
  state: 'MI',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "MCL 750.540e", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: everyDay('09:00', '21:00') }, citation: "MCL 750.540e(1)(f)", confidence: 'S', source: "rules.md §8 (FQ)", note: "a criminal statute whose reach is contestable: encoded, the stricter reading" },
      ],
    },
  ],
});
