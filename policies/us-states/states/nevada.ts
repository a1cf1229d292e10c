import { defineStateRow, everyDay } from '../state-row.js';

/** Nevada: 09:00-20:00 (unconfirmed). */
export const nevada = defineStateRow({
  state: 'NV',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "NRS 598.0918", confidence: 'U', source: "jurisdictions.md §G" },
      hours: [
        { value: { windows: everyDay('09:00', '20:00') }, citation: "NRS 598.0918(3)", confidence: 'U', source: "jurisdictions.md §G: a Python anchor and LiveVox", note: "unconfirmed; encoded, the stricter reading" },
      ],
    },
  ],
});
