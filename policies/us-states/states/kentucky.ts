import { defineStateRow, everyDay } from '../state-row.js';

/** Kentucky: 10:00-21:00 to a residence. */
export const kentucky = defineStateRow({
  state: 'KY',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "KRS 367.46955(16)", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      hours: [
        { value: { windows: everyDay('10:00', '21:00') }, citation: "KRS 367.46955(16)", confidence: 'S', source: "rules.md §8 (FQ; glama.ai call-desk page)" },
      ],
    },
  ],
});
