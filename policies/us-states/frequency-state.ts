import type { EarlierCall } from '../../src/core/attempt.js';
import { HOUR_MS } from '../../src/core/calendar.js';
import type { ScreeningFacts } from '../../src/core/facts.js';
import { definePolicy, pass, violation, type PolicyOutcome } from '../../src/core/policy.js';
import type { StateRow } from './state-row.js';
import { STATE_ROWS } from './state-table.js';
import { appliesToStates, calleeDates, candidateRows, joinCitations, stateName, versionInForce } from './state-scope.js';

/** Subjects compare trimmed and case-insensitively; an unknown subject counts as the same (fail closed). */
function sameSubject(a: string | null, b: string | null): boolean {
  const left = a?.trim().toLowerCase() ?? '';
  const right = b?.trim().toLowerCase() ?? '';
  return left === '' || right === '' || left === right;
}

/** Earlier calls in the window before the call: at - window < h.at < at. */
function countInWindow(history: readonly EarlierCall[], at: number, windowHours: number, subject: string | null, bySubject: boolean): number {
  let count = 0;
  for (const call of history) {
    if (call.at > at - windowHours * HOUR_MS && call.at < at && (!bySubject || sameSubject(call.subject, subject))) count++;
  }
  return count;
}

/** The messages of a call-cap rule, shared by the state and province tables. */
export const CALL_CAP_MESSAGES = {
  overCap: 'this would be call {nth} to the callee within {hours} hours{onSubject}; {state} allows at most {cap}',
  overSeveral: 'over the state call caps: {cases}',
} as const;

/** When an earlier call stops counting: the moment the cap's window after it ends, for every candidate row's cap. */
export function callCapChangesAt(facts: ScreeningFacts, table: ReadonlyMap<string, StateRow> = STATE_ROWS): number[] {
  // Without earlier calls no window ends: asked on every search for a next allowed time, mostly of such calls.
  if (facts.history.length === 0) return [];
  return candidateRows(facts, table).flatMap((row) =>
    calleeDates(facts).flatMap((date) => {
      const cap = versionInForce(row, date, facts)?.frequencyCap?.value;
      return cap === undefined ? [] : facts.history.map((call) => call.at + cap.windowHours * HOUR_MS);
    }),
  );
}

/** The outcome of the call-cap rule over a table of rows (the state table by default). */
export function callCapOutcome(facts: ScreeningFacts, table: ReadonlyMap<string, StateRow> = STATE_ROWS): PolicyOutcome<keyof typeof CALL_CAP_MESSAGES> {
  const over: { data: Record<string, string | number>; text: string; citation: string }[] = [];
  for (const row of candidateRows(facts, table)) {
    const caps = calleeDates(facts).flatMap((date) => versionInForce(row, date, facts)?.frequencyCap ?? []);
    const cited = caps[0];
    if (cited === undefined) continue;
    const cap = cited.value;
    if (cap.methods !== undefined && !cap.methods.includes(facts.method)) continue;
    const nth = countInWindow(facts.history, facts.at, cap.windowHours, facts.subject, cap.sameSubject) + 1;
    if (nth <= cap.calls) continue;
    const subject = facts.subject?.trim() ?? '';
    const onSubject = !cap.sameSubject ? '' : subject === '' ? ' on the same subject (the subject is unknown, so every earlier call counts)' : ` on the same subject ("${subject}")`;
    over.push({
      data: { nth, hours: cap.windowHours, onSubject, state: stateName(row), cap: cap.calls },
      text: `call ${nth} where ${stateName(row)} allows ${cap.calls} in ${cap.windowHours} hours`,
      citation: cited.citation,
    });
  }
  if (over.length === 0) return pass;
  const citation = joinCitations(over.map((found) => found.citation));
  if (over.length === 1) return violation('overCap', over[0]!.data, { citation });
  return violation('overSeveral', { cases: over.map((found) => found.text).join(', ') }, { citation });
}

export const frequencyState = definePolicy({
  id: 'frequency.state',
  title: "No more calls to one callee than a candidate state's cap allows",
  citation: 'State telemarketing statutes; the statute of each state that decides is cited in the finding (docs/rules/states.md)',
  description:
    "Blocks a telemarketing call that would exceed, for any candidate state with a cap, the state's count of calls by " +
    'this seller to this callee within the window before the call (Florida, Oklahoma, Maryland: 3 in 24 hours on the ' +
    'same subject, so the fourth blocks). The calls counted are the `history` entries with `at - 24h < h.at < at`; an ' +
    'entry after the call does not count. Same subject: both subjects equal (trimmed, case-insensitive), or either ' +
    'one unknown (unknown counts as the same: fail closed). The call itself is the next one counted.',
  exemptions: [
    'Informational calls (`purpose: informational`).',
    "Business lines (`callee.business: true`), except in states whose law reaches business calls (the table's scope).",
  ],
  requires: ['state'],
  timeRule: true,
  messages: CALL_CAP_MESSAGES,
  applies: appliesToStates('frequencyCap'),
  // An earlier call stops counting the moment the cap's window after it ends.
  changesAt: (facts) => callCapChangesAt(facts),
  evaluate: (facts) => callCapOutcome(facts),
  examples: [
    {
      title: 'A fourth call in a day to a Baltimore number about the same offer',
      request: {
        at: '2026-03-10T17:00:00-05:00',
        to: '(410) 555-0123',
        method: 'manual',
        subject: 'solar panels',
        caller: { seller: 'acme' },
        history: [{ at: '2026-03-10T09:00:00-05:00', subject: 'solar panels' }, { at: '2026-03-10T11:00:00-05:00', subject: 'Solar Panels' }, { at: '2026-03-10T14:00:00-05:00' }],
        registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
      },
      verdict: 'block',
    },
  ],
});
