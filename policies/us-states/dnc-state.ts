import { withinMonthsBefore } from '../../src/core/calendar.js';
import type { ScreeningFacts } from '../../src/core/facts.js';
import { formatDateUtc } from '../../src/core/instant.js';
import { definePolicy, lifted, pass, violation, type MessageData } from '../../src/core/policy.js';
import { registryCopyProblem } from '../../src/core/registry-copy.js';
import type { StateDncExemption, StateLawVersion, StateRow } from './state-row.js';
import { appliesToStates, calleeDates, candidateRows, joinCitations, possessive, stateName, versionInForce } from './state-scope.js';

type Finding = { readonly messageId: string; readonly data: MessageData; readonly citation: string };

/** The first exemption the state recognises that holds, as a lifted finding's message and data. */
function exemptionFor(facts: ScreeningFacts, recognised: readonly StateDncExemption[]): { messageId: string; data: MessageData } | undefined {
  const { lastTransactionAt, lastInquiryAt } = facts.relationship;
  if (recognised.includes('transaction-18-months') && withinMonthsBefore(lastTransactionAt, facts.at, 18)) return { messageId: 'transaction', data: { date: formatDateUtc(lastTransactionAt) } };
  if (recognised.includes('inquiry-3-months') && withinMonthsBefore(lastInquiryAt, facts.at, 3)) return { messageId: 'inquiry', data: { date: formatDateUtc(lastInquiryAt) } };
  const consent = facts.consents.priorExpressWritten;
  if (recognised.includes('prior-express-written-consent') && consent.valid) return { messageId: 'writtenConsent', data: { seller: facts.seller, date: formatDateUtc(consent.grantedAt) } };
  return undefined;
}

/**
 * "Florida's do-not-call list (Florida Do Not Call program)": a function of the row's state and the list's name, kept
 * per row and list (by identity: the table's rows and their lists are built once and never changed) rather than built
 * for every screening.
 */
const listTexts = new WeakMap<StateRow, WeakMap<object, string>>();

function listText(row: StateRow, list: NonNullable<StateLawVersion['dncList']>['value']): string {
  let byList = listTexts.get(row);
  if (byList === undefined) listTexts.set(row, (byList = new WeakMap()));
  let text = byList.get(list);
  if (text === undefined) byList.set(list, (text = `${possessive(row)} do-not-call list (${list.name})`));
  return text;
}

/** The list of the first of the callee's dates on which the row's law in force, reaching the callee, keeps one. */
function dncListInForce(row: StateRow, facts: ScreeningFacts): NonNullable<StateLawVersion['dncList']> | undefined {
  const dates = calleeDates(facts);
  for (let index = 0; index < dates.length; index++) {
    const list = versionInForce(row, dates[index]!, facts)?.dncList;
    if (list !== undefined) return list;
  }
  return undefined;
}

export const dncState = definePolicy({
  id: 'dnc.state',
  title: "No telemarketing calls to a number on a candidate state's own do-not-call list",
  citation: 'State do-not-call statutes; the statute of each state that decides is cited in the finding (docs/rules/states.md)',
  description:
    'For every candidate state that keeps a do-not-call list of its own (docs/rules/states.md), blocks a telemarketing ' +
    "call when the number is on the seller's copy of that list and no exemption the state recognises applies, or when " +
    "the seller has no usable copy (fail closed): none in `registries.states`, no sync date, synced after the call, or " +
    "older than the list's refresh period (31 days where the state names none). A copy for a state that keeps no " +
    'list is accepted and unused.',
  exemptions: [
    'Established business relationship (a purchase within 18 months, an inquiry within 3 months) or prior express written consent to this seller, where the state recognises it (the table says which).',
    'Informational calls (`purpose: informational`).',
    "Business lines (`callee.business: true`), except in states whose law reaches business calls (the table's scope).",
  ],
  requires: ['state'],
  messages: {
    onList: "{e164} is on {list} and no exemption {state} recognises applies",
    missing: "no copy of {list} was supplied (registries.states.{code}), so the number cannot be screened against it",
    areaCodeNotCovered: 'the copy of {list} (a registry store) holds no download for area code {areaCode}, so it cannot vouch for this number',
    noSyncDate: 'the copy of {list} has no sync date (registries.states.{code}.syncedAt), so its age is unknown',
    syncedAfterCall: 'the copy of {list} is dated {syncedAt}, after the call; a call can only be screened with a copy obtained before it',
    stale: 'the copy of {list} was synced {syncedAt}, {age} before the call; it must be at most {days} days old',
    several: '{count} state do-not-call lists block the call: {cases}',
    transaction: "{list}: established business relationship: transaction on {date}, within the 18 months before the call",
    inquiry: '{list}: established business relationship: inquiry on {date}, within the 3 months before the call',
    writtenConsent: '{list}: prior express written consent to {seller}, granted {date}',
  },
  applies: appliesToStates('dncList'),
  evaluate: (facts) => {
    let violations: (Finding & { text: string })[] | undefined;
    let exemptions: Finding[] | undefined;
    const rows = candidateRows(facts);
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      const cited = dncListInForce(row, facts);
      if (cited === undefined) continue;
      const list = cited.value;
      const base = { list: listText(row, list), state: stateName(row), code: row.state, e164: facts.number.e164 ?? '' };
      const copy = facts.stateRegistries[row.state] ?? { copy: 'missing', syncedAt: null, listed: false };
      const problem = registryCopyProblem(copy, facts.at, list.refreshDays, facts.number.e164);
      if (problem !== undefined) {
        // The base's fields and then the problem's, as a literal and a loop rather than spreads or Object.assign (same
        // keys, same order): this runs for most calls to a listed state, and the missing copy's data is empty.
        const data: Record<string, string | number> = { list: base.list, state: base.state, code: base.code, e164: base.e164 };
        const extra: MessageData = problem.data;
        for (const key in extra) if (Object.hasOwn(extra, key)) data[key] = extra[key]!;
        if (problem.messageId === 'stale') data.days = list.refreshDays;
        (violations ??= []).push({ messageId: problem.messageId, data, citation: cited.citation, text: `${row.state}: ${problem.messageId === 'missing' ? 'no copy' : problem.messageId === 'areaCodeNotCovered' ? `copy lacks area code ${problem.data.areaCode}` : `copy ${problem.messageId === 'stale' ? 'too old' : 'unusable'}`}` });
        continue;
      }
      if (!copy.listed) continue;
      const exemption = exemptionFor(facts, list.exemptions);
      if (exemption !== undefined) (exemptions ??= []).push({ ...exemption, data: { ...base, ...exemption.data }, citation: cited.citation });
      else (violations ??= []).push({ messageId: 'onList', data: base, citation: cited.citation, text: `${row.state}: on the list` });
    }
    if (violations?.length === 1) return violation(violations[0]!.messageId as 'onList', violations[0]!.data, { citation: violations[0]!.citation });
    if (violations !== undefined) {
      return violation('several', { count: violations.length, cases: violations.map((found) => found.text).join(', ') }, { citation: joinCitations(violations.map((found) => found.citation)) });
    }
    if (exemptions !== undefined) return lifted(exemptions[0]!.messageId as 'transaction', exemptions[0]!.data, { citation: exemptions[0]!.citation });
    return pass;
  },
  examples: [
    {
      title: "A Miami number on the seller's copy of Florida's list",
      request: { at: '2026-03-10T14:00:00-04:00', to: '(305) 555-0123', method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-03-01', numbers: [] }, states: { FL: { syncedAt: '2026-03-01', numbers: ['305-555-0123'] } } } },
      verdict: 'block',
    },
    {
      title: 'A Houston number and no copy of the Texas no-call list',
      request: { at: '2026-03-10T14:00:00-05:00', to: '(713) 555-0123', method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-03-01', numbers: [] } } },
      verdict: 'block',
    },
  ],
});
