import { defineStateRow, mondayToSaturday } from '../state-row.js';

/** Utah: 08:00-21:00, no Sundays, no legal holidays (Pioneer Day, July 24, among them). */
export const utah = defineStateRow({
  state: 'UT',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "all", citation: "Utah Code §13-25a-103", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: mondayToSaturday({ from: '08:00', to: '21:00' }, null) }, citation: "Utah Code §13-25a-103(3)", confidence: 'S', source: "rules.md §8 (FQ); jurisdictions.md §G" },
      ],
      bannedDays: { value: { weekdays: ["sunday"], holidays: { substituteDays: true } }, citation: "Utah Code §13-25a-103(3)", confidence: 'S', source: "rules.md §8 (FQ); jurisdictions.md §G (a Python anchor that allows Sundays is wrong)", note: "substitute (observed) weekdays are banned too: the stricter reading of \"legal holiday\" (docs/rules/states.md)" },
    },
  ],
});
