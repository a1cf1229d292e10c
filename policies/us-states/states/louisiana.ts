import { defineStateRow, mondayToSaturday } from '../state-row.js';

/** Louisiana: Monday to Saturday only, no state holidays, and the Public Service Commission's do-not-call list. (The ban during a declared state of emergency, R.S. 45:844.31, is not modelled.) */
export const louisiana = defineStateRow({
  state: 'LA',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "La. R.S. 45:811", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      hours: [
        { value: { windows: mondayToSaturday({ from: '09:00', to: '20:00' }, null) }, citation: "La. R.S. 45:811", confidence: 'U', source: "rules.md §8: lawserver 45:811 text (08:00) [P]; jurisdictions.md §G: an operator blog (09:00) [S]", note: "sources conflict on the start (08:00 in the statute text read, 09:00 in an operator blog): the stricter 09:00 is encoded, so the window is marked unconfirmed" },
      ],
      bannedDays: { value: { weekdays: ["sunday"], holidays: { substituteDays: true } }, citation: "La. R.S. 45:811", confidence: 'P', source: "rules.md §8: lawserver 45:811 text; FQ", note: "substitute (observed) weekdays are banned too: the stricter reading of \"legal holiday\" (docs/rules/states.md)" },
      dncList: { value: { name: "Louisiana do-not-call list (LPSC)", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "LPSC General Order R-29617", confidence: 'S', source: "rules.md §8; compliancepoint.com state list", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
  ],
});
