import { defineStateRow } from '../state-row.js';

/** Maine: automated calls on weekdays 09:00-17:00 only, one per 8 hours (unconfirmed). (The reassigned-numbers check of LD 2234 is not modelled.) */
export const maine = defineStateRow({
  state: 'ME',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "10 M.R.S. §1498", confidence: 'U', source: "jurisdictions.md §G" },
      hours: [
        { value: { windows: { monday: { from: '09:00', to: '17:00' }, tuesday: { from: '09:00', to: '17:00' }, wednesday: { from: '09:00', to: '17:00' }, thursday: { from: '09:00', to: '17:00' }, friday: { from: '09:00', to: '17:00' }, saturday: null, sunday: null }, methods: ["autodialer", "prerecorded"] }, citation: "10 M.R.S. §1498", confidence: 'U', source: "jurisdictions.md §G: two anchors", note: "automated (autodialed or prerecorded) calls only; unconfirmed" },
      ],
      frequencyCap: { value: { calls: 1, windowHours: 8, sameSubject: false, methods: ["autodialer", "prerecorded"] }, citation: "10 M.R.S. §1498", confidence: 'U', source: "jurisdictions.md §G: two anchors", note: "automated calls only; unconfirmed" },
    },
  ],
});
