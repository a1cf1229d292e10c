import { defineStateRow, mondayToSaturday } from '../state-row.js';

/** South Dakota: 09:00-21:00, no Sundays (unconfirmed). */
export const southDakota = defineStateRow({
  state: 'SD',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "SDCL 37-30A-3", confidence: 'U', source: "jurisdictions.md §G" },
      hours: [
        { value: { windows: mondayToSaturday({ from: '09:00', to: '21:00' }, null) }, citation: "SDCL 37-30A-3(2)", confidence: 'U', source: "jurisdictions.md §G: a Python anchor only", note: "unconfirmed; encoded, the stricter reading" },
      ],
      bannedDays: { value: { weekdays: ["sunday"] }, citation: "SDCL 37-30A-3(2)", confidence: 'U', source: "jurisdictions.md §G: a Python anchor only", note: "unconfirmed; encoded, the stricter reading" },
    },
  ],
});
