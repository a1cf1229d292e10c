import { defineStateRow, everyDay } from '../state-row.js';

/** Connecticut: 09:00-20:00. */
export const connecticut = defineStateRow({
  state: 'CT',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "Conn. Gen. Stat. §42-288a", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: everyDay('09:00', '20:00') }, citation: "Conn. Gen. Stat. §42-288a(c)", confidence: 'S', source: "rules.md §8 (FQ)" },
      ],
    },
  ],
});
