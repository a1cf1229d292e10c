import { whenClockReads, withBlockLasts } from '../../src/core/block-lasts.js';
import type { LocalTime, ScreeningFacts } from '../../src/core/facts.js';
import { definePolicy, pass, violation, type PolicyOutcome } from '../../src/core/policy.js';
import type { StateRow } from './state-row.js';
import { STATE_ROWS } from './state-table.js';
import { legalHolidayOn } from './state-holidays.js';
import { appliesToStates, candidateRows, dayName, joinCitations, localDateOf, stateName, versionInForce, weekdayOf } from './state-scope.js';

interface Banned {
  readonly messageId: 'bannedWeekday' | 'legalHoliday';
  readonly text: string;
  readonly data: Record<string, string>;
  readonly citation: string;
}

/** The messages of a banned-day rule, shared by the state and province tables. */
export const BANNED_DAY_MESSAGES = {
  bannedWeekday: '{date} is a {day} in {zone}, and {state} bans telemarketing calls on {day}s',
  legalHoliday: '{date} is {holiday} in {zone}, a legal holiday on which {state} bans telemarketing calls',
  bannedSeveral: 'a banned day {count} times: {cases}',
} as const;

/**
 * The outcome of the banned-day rule over a table of rows (the state table by default): a banned weekday or legal
 * holiday of any candidate row on the callee's local date in any candidate zone.
 */
export function bannedDaysOutcome(facts: ScreeningFacts, table: ReadonlyMap<string, StateRow> = STATE_ROWS): PolicyOutcome<keyof typeof BANNED_DAY_MESSAGES> {
  const banned: Banned[] = [];
  for (const row of candidateRows(facts, table)) {
    for (const local of facts.callee.localTimes) {
      const found = bannedOn(row, local, facts);
      if (found !== undefined) banned.push(found);
    }
  }
  if (banned.length === 0) return pass;
  const citation = joinCitations(banned.map((found) => found.citation));
  if (banned.length === 1) return violation(banned[0]!.messageId, banned[0]!.data, { citation });
  return violation('bannedSeveral', { count: banned.length, cases: banned.map((found) => found.text).join(', ') }, { citation });
}

/** Whether the row bans the callee's local date in one zone, and how the finding words it. */
function bannedOn(row: StateRow, local: LocalTime, facts: ScreeningFacts): Banned | undefined {
  const date = localDateOf(local);
  const rule = versionInForce(row, date, facts)?.bannedDays;
  if (rule === undefined) return undefined;
  const day = weekdayOf(date);
  const state = stateName(row);
  if (rule.value.weekdays.includes(day)) {
    return { messageId: 'bannedWeekday', text: `${dayName(day)} ${date} in ${local.zone} (${row.state})`, data: { date, day: dayName(day), zone: local.zone, state }, citation: rule.citation };
  }
  const holiday = rule.value.holidays === undefined ? undefined : legalHolidayOn(row.state, date, rule.value.holidays);
  if (holiday === undefined) return undefined;
  return { messageId: 'legalHoliday', text: `${holiday} ${date} in ${local.zone} (${row.state})`, data: { date, holiday, zone: local.zone, state }, citation: rule.citation };
}

/** How long a banned-day block lasts: until midnight in the last zone whose date a candidate row bans. */
export function bannedDaysLast(facts: ScreeningFacts, table: ReadonlyMap<string, StateRow> = STATE_ROWS): number {
  let lasts = facts.at;
  for (const row of candidateRows(facts, table)) {
    for (const local of facts.callee.localTimes) {
      if (bannedOn(row, local, facts) !== undefined) lasts = Math.max(lasts, whenClockReads(facts.at, local.secondOfDay, 0));
    }
  }
  return lasts;
}

export const daysState = withBlockLasts(definePolicy({
  id: 'days.state',
  title: 'No telemarketing calls on a day a candidate state bans outright',
  citation: 'State telemarketing statutes; the statute of each state that decides is cited in the finding (docs/rules/states.md)',
  description:
    "Blocks a telemarketing call on a day a candidate state bans outright: a Sunday ban, or a ban on the state's " +
    "legal holidays, judged on the callee's local date in ANY candidate zone. Legal holidays are the date-holidays " +
    "package's public holidays for the state (observances such as Valentine's Day are not); where a holiday falls on " +
    'a weekend, the weekday it is observed on is banned too (the stricter reading, see docs/rules/states.md).',
  exemptions: [
    'Informational calls (`purpose: informational`).',
    "Business lines (`callee.business: true`), except in states whose law reaches business calls (the table's scope).",
  ],
  requires: ['state', 'localTime'],
  timeRule: true,
  messages: BANNED_DAY_MESSAGES,
  applies: appliesToStates('bannedDays'),
  evaluate: (facts) => bannedDaysOutcome(facts),
  examples: [
    {
      title: 'Christmas Day in Salt Lake City',
      request: { at: '2026-12-25T14:00:00-07:00', to: '(801) 555-0123', method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-12-20', numbers: [] } } },
      verdict: 'block',
    },
    {
      title: 'A Sunday afternoon in New Orleans',
      request: { at: '2026-03-08T14:00:00-05:00', to: '(504) 555-0123', method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-03-01', numbers: [] }, states: { LA: { syncedAt: '2026-03-01', numbers: [] } } } },
      verdict: 'block',
    },
  ],
}), (facts) => bannedDaysLast(facts));
