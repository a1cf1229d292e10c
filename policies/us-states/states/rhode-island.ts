import { defineStateRow } from '../state-row.js';

/** Rhode Island: 09:00-18:00 Monday to Friday, 10:00-17:00 Saturday, no Sundays or holidays. */
export const rhodeIsland = defineStateRow({
  state: 'RI',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "R.I. Gen. Laws §5-61-3.6", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: { monday: { from: '09:00', to: '18:00' }, tuesday: { from: '09:00', to: '18:00' }, wednesday: { from: '09:00', to: '18:00' }, thursday: { from: '09:00', to: '18:00' }, friday: { from: '09:00', to: '18:00' }, saturday: { from: '10:00', to: '17:00' }, sunday: null } }, citation: "R.I. Gen. Laws §5-61-3.6; §5-61-2", confidence: 'S', source: "rules.md §8: §5-61-3.6 page (P) refers to §5-61-2(9); hours values from FQ (S), which cites §5-61-2(2)", note: "the subsection of §5-61-2 conflicts between sources" },
      ],
      bannedDays: { value: { weekdays: ["sunday"], holidays: { substituteDays: true } }, citation: "R.I. Gen. Laws §5-61-3.6", confidence: 'P', source: "rules.md §8: §5-61-3.6 page", note: "substitute (observed) weekdays are banned too: the stricter reading of \"legal holiday\" (docs/rules/states.md); state and federal holidays alike" },
    },
  ],
});
