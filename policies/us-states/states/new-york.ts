import { defineStateRow, everyDay } from '../state-row.js';

/** The federal window, 08:00-21:00, with a scope broader than residential calls. */
export const newYork = defineStateRow({
  state: 'NY',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "N.Y. Gen. Bus. Law §399-z", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: everyDay('08:00', '21:00') }, citation: "N.Y. Gen. Bus. Law §399-z", confidence: 'S', source: "rules.md §8 (FQ)", note: "the federal window, but the state reaches more than residential calls" },
      ],
    },
  ],
});
