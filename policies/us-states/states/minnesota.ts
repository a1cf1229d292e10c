import { defineStateRow, everyDay } from '../state-row.js';

/** Minnesota: 09:00-21:00 to residences. */
export const minnesota = defineStateRow({
  state: 'MN',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "Minn. Stat. §325E.30", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      hours: [
        { value: { windows: everyDay('09:00', '21:00') }, citation: "Minn. Stat. §325E.30", confidence: 'S', source: "rules.md §8 (FQ)", note: "to residences; the state list expired" },
      ],
    },
  ],
});
