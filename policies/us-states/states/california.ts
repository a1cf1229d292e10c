import { defineStateRow, everyDay } from '../state-row.js';

/** California: prerecorded (ADAD) calls 09:00-21:00 (unconfirmed). */
export const california = defineStateRow({
  state: 'CA',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "Cal. Pub. Util. Code §2872", confidence: 'U', source: "jurisdictions.md §G" },
      hours: [
        { value: { windows: everyDay('09:00', '21:00'), methods: ["prerecorded"] }, citation: "Cal. Pub. Util. Code §2872", confidence: 'U', source: "jurisdictions.md §G: anchors only", note: "automatic dialing-announcing devices only (prerecorded calls); unconfirmed" },
      ],
    },
  ],
});
