import { defineStateRow, everyDay } from '../state-row.js';

/** Stop the Spam Calls Act of 2023 (in force January 1 2024): 08:00-20:00, 3 calls per 24 hours on the same subject. */
export const maryland = defineStateRow({
  state: 'MD',
  versions: [
    {
      effectiveFrom: "2024-01-01",
      scope: { value: "all", citation: "Md. Com. Law §14-4501", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: everyDay('08:00', '20:00') }, citation: "Md. Com. Law §14-4502(b)", confidence: 'S', source: "rules.md §8 (wmar2news, dnc.com, FQ); jurisdictions.md §G (SB 90)", note: "in the called party's time zone" },
      ],
      frequencyCap: { value: { calls: 3, windowHours: 24, sameSubject: true }, citation: "Md. Com. Law §14-4502(c)", confidence: 'S', source: "rules.md §8 (FQ §14-4502(c)); jurisdictions.md §G", note: "\"regardless of the telephone numbers used\"; \"same subject\" is not defined (unconfirmed), so an unknown subject counts as the same" },
    },
  ],
});
