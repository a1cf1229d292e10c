import { defineStateRow, everyDay } from '../state-row.js';

/** Oregon: 08:00-20:00 and a three-call cap for consumer calls. */
export const oregon = defineStateRow({
  state: 'OR',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "ORS 646.563", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      hours: [
        { value: { windows: everyDay('08:00', '20:00') }, citation: "ORS 646.563", confidence: 'S', source: "rules.md §8 (FQ)" },
      ],
      frequencyCap: { value: { calls: 3, windowHours: 24, sameSubject: true }, citation: "ORS 646.563", confidence: 'U', source: "rules.md §8 (FQ: \"≤3 calls cap (B2B excluded)\")", note: "the cap's window and subject test are not given in what was read (unconfirmed): 24 hours on the same subject is encoded, as the other three-call states" },
    },
  ],
});
