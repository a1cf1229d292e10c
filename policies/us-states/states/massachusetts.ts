import { defineStateRow, everyDay } from '../state-row.js';

/** Massachusetts: 08:00-20:00 for consumer calls; its own do-not-call list. */
export const massachusetts = defineStateRow({
  state: 'MA',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "M.G.L. c.159C §2", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      hours: [
        { value: { windows: everyDay('08:00', '20:00') }, citation: "M.G.L. c.159C §3", confidence: 'S', source: "rules.md §8: repository quotes of malegislature.gov", note: "at the consumer's location" },
      ],
      dncList: { value: { name: "Massachusetts do-not-call list", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "M.G.L. c.159C §2", confidence: 'S', source: "rules.md §8; compliancepoint.com state list", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
  ],
});
