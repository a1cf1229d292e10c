import { defineStateRow, everyDay } from '../state-row.js';

/** Oklahoma Telephone Solicitation Act of 2022 (in force November 1 2022): 08:00-20:00, 3 calls per 24 hours on the same subject; prerecorded (ADAD) calls 09:00-21:00 as well. */
export const oklahoma = defineStateRow({
  state: 'OK',
  versions: [
    {
      effectiveFrom: "2022-11-01",
      scope: { value: "all", citation: "15 O.S. §775C.1 et seq.", confidence: 'S', source: "rules.md §8, FQ (a public repository's statute read, lib/sales/callingRules.js, 2026-09-03)", note: "FQ found this state's rules reach broader call types than residential ones (rules.md §8)" },
      hours: [
        { value: { windows: everyDay('08:00', '20:00') }, citation: "15 O.S. §775C.4", confidence: 'S', source: "rules.md §8: dnc.dreamhosters.com/?p=1309; jurisdictions.md §G: enrolled HB 3168", note: "section number within §775C.1 et seq. unconfirmed" },
        { value: { windows: everyDay('09:00', '21:00'), methods: ["prerecorded"] }, citation: "15 O.S. §755.1", confidence: 'S', source: "jurisdictions.md §G: a statute copy (contactcentercompliance.com)", note: "automatic dialing-announcing devices only (prerecorded calls), beside the OTSA's window, so such a call must be inside both (09:00-20:00); the statute is older than the OTSA, but the row starts with the OTSA, so a call before 2022-11-01 is not judged by it" },
      ],
      frequencyCap: { value: { calls: 3, windowHours: 24, sameSubject: true }, citation: "15 O.S. §775C.4", confidence: 'S', source: "rules.md §8; jurisdictions.md §G" },
      dncList: { value: { name: "Oklahoma do-not-call list", refreshDays: 31, exemptions: ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] }, citation: "15 O.S. §775B.4", confidence: 'U', source: "rules.md §8 (\"yes (listed)\"); compliancepoint.com state list", note: "exemptions read as the federal registry's (established business relationship, written consent): the statute's own list is not in what was read (unconfirmed); statute section unconfirmed; refresh: 31 days, the federal safe harbor's, as the state table names no period of its own" },
    },
  ],
});
