import { defineStateRow, mondayToSaturday } from '../state-row.js';

/** Texas: 09:00-21:00 Monday to Saturday, 12:00-21:00 on Sunday, for consumer calls; the Texas no-call list. */
export const texas = defineStateRow({
  state: 'TX',
  versions: [
    {
      effectiveFrom: null,
      scope: { value: "residential", citation: "Tex. Bus. & Com. Code §301.001", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)" },
      hours: [
        { value: { windows: mondayToSaturday({ from: '09:00', to: '21:00' }, { from: '12:00', to: '21:00' }) }, citation: "Tex. Bus. & Com. Code §301.051(b)(2)", confidence: 'S', source: "rules.md §8: a repository comment and legalclarity (which omits Sunday); jurisdictions.md §G: vici2 and a Python anchor agree", note: "the Sunday noon start is confirmed only by secondary quotes" },
      ],
      dncList: { value: { name: "Texas no-call list", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "Tex. Bus. & Com. Code §§304.051, 304.052", confidence: 'S', source: "rules.md §8: lexace.ai, instalawyer.io", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); published quarterly (Jan/Apr/Jul/Oct 1); entries expire after 3 years; refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
  ],
});
