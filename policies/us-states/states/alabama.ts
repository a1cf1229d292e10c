import { defineStateRow, mondayToSaturday } from '../state-row.js';

/** Alabama: 08:00-20:00, no Sundays, no holidays. */
export const alabama = defineStateRow({
  state: 'AL',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "Ala. Admin. Code r. 770-X-5-.17", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: mondayToSaturday({ from: '08:00', to: '20:00' }, null) }, citation: "Ala. Admin. Code r. 770-X-5-.17", confidence: 'S', source: "rules.md §8 (FQ)" },
      ],
      bannedDays: { value: { weekdays: ["sunday"], holidays: { substituteDays: true } }, citation: "Ala. Admin. Code r. 770-X-5-.17", confidence: 'S', source: "rules.md §8 (FQ; dnc.dreamhosters July 4 list)", note: "substitute (observed) weekdays are banned too: the stricter reading of \"legal holiday\" (docs/rules/states.md); county holidays (Mardi Gras in Mobile and Baldwin) are not in the holiday data (jurisdictions.md §B3)" },
    },
  ],
});
