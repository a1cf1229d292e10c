import type { LocalTime, ScreeningFacts } from '../../src/core/facts.js';
import { formatDateUtc } from '../../src/core/instant.js';
import { STATE_ROWS } from './state-table.js';
import { dayName, weekdayOf } from '../../src/core/calendar.js';
import { stateName, versionOn, type StateLawVersion, type StateRow } from './state-row.js';

/** What the state rules share: finding the candidate states' rows and the version in force for the attempt. */

/**
 * The rows of the callee's candidate states that have rules of their own, from the state table or another table of
 * the same shape (Canada's province rows).
 */
export function candidateRows(facts: ScreeningFacts, table: ReadonlyMap<string, StateRow> = STATE_ROWS): StateRow[] {
  const rows: StateRow[] = [];
  for (const state of facts.callee.states) {
    const row = table.get(state);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

type RuleField = 'hours' | 'bannedDays' | 'frequencyCap' | 'dncList';

/**
 * Whether a state rule speaks to the attempt: a telemarketing call, and either the states are unknown (for a
 * residential callee: then state.unknown blocks) or some candidate state has a rule of this kind whose scope reaches
 * the callee (a business line only where the state's law reaches business lines).
 */
export function appliesToStates(field: RuleField) {
  return (facts: ScreeningFacts): boolean => {
    if (facts.purpose !== 'telemarketing') return false;
    if (facts.callee.states.length === 0) return !facts.callee.business;
    return candidateRows(facts).some((row) => row.versions.some((version) => version[field] !== undefined && reaches(version, facts)));
  };
}

/**
 * Whether a rule over another table (Canada's province rows) speaks to the attempt: a telemarketing call and a
 * candidate row with a rule of this kind whose scope reaches the callee. Unlike the state rules, no guard stands in
 * when the province is unknown: the contract's Canadian rules do not depend on it.
 */
export function appliesToTableRows(field: RuleField, table: ReadonlyMap<string, StateRow>) {
  return (facts: ScreeningFacts): boolean =>
    facts.purpose === 'telemarketing' &&
    candidateRows(facts, table).some((row) => row.versions.some((version) => version[field] !== undefined && reaches(version, facts)));
}

/** The version's scope reaches the callee: every callee for `all`, residential ones only otherwise. */
export function reaches(version: StateLawVersion, facts: ScreeningFacts): boolean {
  return version.scope.value === 'all' || !facts.callee.business;
}

/** The version of a row in force on a local date that reaches the callee, or undefined. */
export function versionInForce(row: StateRow, localDate: string, facts: ScreeningFacts): StateLawVersion | undefined {
  const version = versionOn(row, localDate);
  return version !== undefined && reaches(version, facts) ? version : undefined;
}

/** The callee-local date `YYYY-MM-DD` of a local time. */
export function localDateOf(local: LocalTime): string {
  return local.iso.slice(0, 10);
}

/**
 * The callee-local dates the call falls on, one per candidate zone (two near midnight across zones); the UTC date
 * when no zone is known. A rule that is not about the time of day is judged by the law in force on each of them.
 */
export function calleeDates(facts: ScreeningFacts): string[] {
  if (facts.callee.localTimes.length === 0) return [formatDateUtc(facts.at)];
  return [...new Set(facts.callee.localTimes.map(localDateOf))];
}

export { dayName, weekdayOf };

/** "Florida's" for Florida, "Texas's" for Texas. */
export function possessive(row: StateRow): string {
  return `${stateName(row)}'s`;
}

/** Citations of the facts that decided, once each, in order. */
export function joinCitations(citations: readonly string[]): string {
  return [...new Set(citations)].join('; ');
}

export { stateName };
