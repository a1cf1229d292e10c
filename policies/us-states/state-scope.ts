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
export function candidateRows(facts: ScreeningFacts, table: ReadonlyMap<string, StateRow> = STATE_ROWS): readonly StateRow[] {
  // Every state rule asks, of lists of states most of which are shared and frozen (one per area code): a frozen
  // list's rows are worked out once, as such a list cannot change.
  const { states } = facts.callee;
  if (!Object.isFrozen(states)) return rowsOf(states, table);
  let byList = rowsByTable.get(table);
  if (byList === undefined) rowsByTable.set(table, (byList = new WeakMap()));
  let rows = byList.get(states);
  if (rows === undefined) byList.set(states, (rows = Object.freeze(rowsOf(states, table))));
  return rows;
}

function rowsOf(states: readonly string[], table: ReadonlyMap<string, StateRow>): StateRow[] {
  const rows: StateRow[] = [];
  for (const state of states) {
    const row = table.get(state);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

const rowsByTable = new WeakMap<ReadonlyMap<string, StateRow>, WeakMap<readonly string[], readonly StateRow[]>>();

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
    return someRowReaches(facts, STATE_ROWS, field);
  };
}

/** Per row and kind of rule: whether some version has one, and whether some version with one reaches business lines. */
type RowReach = Readonly<Record<RuleField, { readonly residential: boolean; readonly business: boolean }>>;
const reachOfRows = new WeakMap<StateRow, RowReach>();

function reachOf(row: StateRow): RowReach {
  let reach = reachOfRows.get(row);
  if (reach === undefined) {
    const of = (field: RuleField) => ({
      residential: row.versions.some((version) => version[field] !== undefined),
      business: row.versions.some((version) => version[field] !== undefined && version.scope.value === 'all'),
    });
    reach = { hours: of('hours'), bannedDays: of('bannedDays'), frequencyCap: of('frequencyCap'), dncList: of('dncList') };
    reachOfRows.set(row, reach);
  }
  return reach;
}

/** For one attempt and table: whether some candidate row reaches the callee, by kind of rule. */
type Reached = Record<RuleField, boolean>;

/**
 * The last answers, with the facts and table they are for: each state rule asks the same question of the same facts in
 * turn (facts are never changed once resolved, so the same object has the same answers), and one pass over the rows
 * answers all of them.
 */
let lastFacts: ScreeningFacts | undefined;
let lastCallee: ScreeningFacts['callee'] | undefined;
let lastTable: ReadonlyMap<string, StateRow> | undefined;
let lastReached: Reached | undefined;

function reachedBy(facts: ScreeningFacts, table: ReadonlyMap<string, StateRow>): Reached {
  if (facts === lastFacts && table === lastTable && facts.callee === lastCallee) return lastReached!;
  const business = facts.callee.business;
  const reached: Reached = { hours: false, bannedDays: false, frequencyCap: false, dncList: false };
  // Indexed loops, here and in the other rules' hot paths: `for of` over these lists (some frozen, some not) was not
  // optimised away and made an iterator result per step, a tenth of a campaign's allocation with the others.
  const { states } = facts.callee;
  for (let index = 0; index < states.length; index++) {
    const row = table.get(states[index]!);
    if (row === undefined) continue;
    const reach = reachOf(row);
    for (let field = 0; field < RULE_FIELDS.length; field++) {
      const name = RULE_FIELDS[field]!;
      if (business ? reach[name].business : reach[name].residential) reached[name] = true;
    }
  }
  lastFacts = facts;
  lastCallee = facts.callee;
  lastTable = table;
  lastReached = reached;
  return reached;
}

const RULE_FIELDS: readonly RuleField[] = ['hours', 'bannedDays', 'frequencyCap', 'dncList'];

/**
 * Whether some candidate row has a version with a rule of this kind that `reaches` the callee: what the rules' `applies`
 * ask on every attempt, so each row's answer is worked out once instead of scanning its versions per attempt, and
 * each attempt's once for all its state rules.
 */
function someRowReaches(facts: ScreeningFacts, table: ReadonlyMap<string, StateRow>, field: RuleField): boolean {
  return reachedBy(facts, table)[field];
}

/**
 * Whether a rule over another table (Canada's province rows) speaks to the attempt: a telemarketing call and a
 * candidate row with a rule of this kind whose scope reaches the callee. Unlike the state rules, no guard stands in
 * when the province is unknown: the contract's Canadian rules do not depend on it.
 */
export function appliesToTableRows(field: RuleField, table: ReadonlyMap<string, StateRow>) {
  return (facts: ScreeningFacts): boolean => facts.purpose === 'telemarketing' && someRowReaches(facts, table, field);
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
  const { localTimes } = facts.callee;
  if (localTimes.length === 0) return [formatDateUtc(facts.at)];
  const dates: string[] = [];
  for (let index = 0; index < localTimes.length; index++) {
    const date = localDateOf(localTimes[index]!);
    if (!dates.includes(date)) dates.push(date);
  }
  return dates;
}

export { dayName, weekdayOf };

/** "Florida's" for Florida, "Texas's" for Texas. */
export function possessive(row: StateRow): string {
  return `${stateName(row)}'s`;
}

/** Citations of the facts that decided, once each, in order. */
export function joinCitations(citations: readonly string[]): string {
  if (citations.length === 1) return citations[0]!;
  return [...new Set(citations)].join('; ');
}

export { stateName };
