import { secondOfDay as secondsOf, wallClock } from '../../src/core/clock.js';
import { whenClockReads, withBlockLasts } from '../../src/core/block-lasts.js';
import type { LocalTime, ScreeningFacts } from '../../src/core/facts.js';
import { definePolicy, pass, violation } from '../../src/core/policy.js';
import type { CallingWindow, StateHours, StateLawVersion, StateRow, Weekday } from './state-row.js';
import { appliesToStates, candidateRows, dayName, joinCitations, localDateOf, possessive, stateName, versionInForce, weekdayOf } from './state-scope.js';


/** A fixed clock the statute names (Mississippi's Central Standard Time), read at the instant of the call. */
function fixedClock(at: number, clock: NonNullable<StateHours['clock']>): { iso: string; secondOfDay: number; where: string } {
  const shifted = new Date(at + clock.offsetMinutes * 60_000);
  const iso = shifted.toISOString().slice(0, 19);
  const secondOfDay = shifted.getUTCHours() * 3600 + shifted.getUTCMinutes() * 60 + shifted.getUTCSeconds();
  return { iso, secondOfDay, where: clock.name };
}

interface Outside {
  readonly messageId: 'beforeWindow' | 'afterWindow' | 'noCallsThatDay';
  readonly data: Record<string, string>;
  readonly citation: string;
  /** The state's code, for the case's text when several are listed. */
  readonly code: string;
}

/** One case of `outsideSeveral`, from the finding's own data: worded only when there are several. */
function caseText(found: Outside): string {
  const { data } = found;
  if (found.messageId === 'noCallsThatDay') return `no ${data.calls} on ${data.day}s in ${found.code}`;
  if (found.messageId === 'beforeWindow') return `${data.localTime} in ${data.zone} is before ${data.start} (${found.code})`;
  return `${data.localTime} in ${data.zone} is at or after ${data.end} (${found.code})`;
}

/** Whether a rule's windows are the same every day, so its name needs no day; worked out once per rule. */
const sameEveryDay = new WeakMap<StateHours, boolean>();

function windowName(row: StateRow, hours: StateHours, day: Weekday): string {
  let same = sameEveryDay.get(hours);
  if (same === undefined) {
    same = Object.values(hours.windows).every((window) => window !== null && window.from === hours.windows.monday?.from && window.to === hours.windows.monday?.to);
    sameEveryDay.set(hours, same);
  }
  return `${possessive(row)} ${same ? '' : `${dayName(day)} `}window`;
}

function callsWord(hours: StateHours): string {
  if (hours.methods === undefined) return 'telemarketing calls';
  return hours.methods.length === 1 && hours.methods[0] === 'prerecorded' ? 'prerecorded calls' : 'autodialed or prerecorded calls';
}

/** A candidate state's window missed at the call, on the callee's clock or the fixed one the statute names. */
interface OutsideCase {
  readonly messageId: Outside['messageId'];
  readonly row: StateRow;
  readonly cited: NonNullable<StateLawVersion['hours']>[number];
  /** The clock read: its local time, second of the day and name (the zone, or the statute's clock). */
  readonly iso: string;
  readonly secondOfDay: number;
  readonly where: string;
  readonly day: Weekday;
  readonly window: CallingWindow | null;
  /** The callee's own local time in the zone, whose date chose the law in force. */
  readonly local: LocalTime;
}

/**
 * The last facts' cases: the finding and how long it lasts are asked of the same facts in turn (facts are never
 * changed once resolved), and working them out twice was a measurable share of a search for the next allowed time.
 */
let lastFacts: ScreeningFacts | undefined;
let lastCallee: ScreeningFacts['callee'] | undefined;
let lastCases: readonly OutsideCase[] | undefined;

/**
 * Every case outside a window at the call, found once for both the finding and how long it lasts; undefined when
 * there is none.
 */
function outsideCases(facts: ScreeningFacts): readonly OutsideCase[] | undefined {
  if (facts === lastFacts && facts.callee === lastCallee) return lastCases;
  const cases = findOutsideCases(facts);
  lastFacts = facts;
  lastCallee = facts.callee;
  lastCases = cases;
  return cases;
}

function findOutsideCases(facts: ScreeningFacts): OutsideCase[] | undefined {
  let cases: OutsideCase[] | undefined;
  const rows = candidateRows(facts);
  const { localTimes } = facts.callee;
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
    const row = rows[rowIndex]!;
    for (let localIndex = 0; localIndex < localTimes.length; localIndex++) {
      const local = localTimes[localIndex]!;
      const version = versionInForce(row, localDateOf(local), facts);
      if (version?.hours === undefined) continue;
      for (let citedIndex = 0; citedIndex < version.hours.length; citedIndex++) {
        const cited = version.hours[citedIndex]!;
        const hours = cited.value;
        if (hours.methods !== undefined && !hours.methods.includes(facts.method)) continue;
        // The callee's clock, or the fixed one the statute names.
        const fixed = hours.clock === undefined ? undefined : fixedClock(facts.at, hours.clock);
        const iso = fixed === undefined ? local.iso : fixed.iso;
        const secondOfDay = fixed === undefined ? local.secondOfDay : fixed.secondOfDay;
        const where = fixed === undefined ? local.zone : fixed.where;
        const day = weekdayOf(iso.slice(0, 10));
        const window: CallingWindow | null = hours.windows[day];
        let messageId: OutsideCase['messageId'];
        if (window === null) {
          // A day the state bans outright is reported once, by days.state.
          const banned = version.bannedDays?.value.weekdays.includes(day) ?? false;
          if (banned && hours.methods === undefined) continue;
          messageId = 'noCallsThatDay';
        } else if (secondOfDay < secondsOf(window.from)) messageId = 'beforeWindow';
        else if (secondOfDay >= secondsOf(window.to)) messageId = 'afterWindow';
        else continue;
        (cases ??= []).push({ messageId, row, cited, iso, secondOfDay, where, day, window, local });
      }
    }
  }
  return cases;
}

/** A case as its finding words it. */
function worded({ messageId, row, cited, iso, where, day, window }: OutsideCase): Outside {
  const hours = cited.value;
  const code = row.state;
  if (messageId === 'noCallsThatDay' || window === null) {
    return { messageId: 'noCallsThatDay', data: { localTime: wallClock(iso), zone: where, day: dayName(day), state: stateName(row), calls: callsWord(hours) }, citation: cited.citation, code };
  }
  if (messageId === 'beforeWindow') {
    return { messageId, data: { localTime: wallClock(iso), zone: where, start: window.from, window: windowName(row, hours, day) }, citation: cited.citation, code };
  }
  return { messageId, data: { localTime: wallClock(iso), zone: where, end: window.to, window: windowName(row, hours, day) }, citation: cited.citation, code };
}

/**
 * How long the rule's block lasts: while any case stays outside. A case before its window lasts until the window
 * opens; one after it, or on a day without one, until midnight on its clock; and none past the callee's midnight in
 * its zone, where the law in force is chosen again.
 */
function blockLasts(facts: ScreeningFacts): number {
  let lasts = facts.at;
  for (const found of outsideCases(facts) ?? []) {
    const opens = found.messageId === 'beforeWindow' && found.window !== null ? secondsOf(found.window.from) : 0;
    const ends = Math.min(whenClockReads(facts.at, found.secondOfDay, opens), whenClockReads(facts.at, found.local.secondOfDay, 0));
    lasts = Math.max(lasts, ends);
  }
  return lasts;
}

export const hoursState = withBlockLasts(definePolicy({
  id: 'hours.state',
  title: "Telemarketing calls only inside each candidate state's own calling window",
  citation: 'State telemarketing statutes; the statute of each state that decides is cited in the finding (docs/rules/states.md)',
  description:
    "Blocks a telemarketing call when, for any candidate state with a calling window of its own (docs/rules/states.md), " +
    "the callee's local time in ANY candidate zone is outside that state's window for the callee's local day of the " +
    'week: before its start, or at or after its end (the start is allowed, the end blocked, as for the federal window). ' +
    "The window is the law in force on the callee's local date; a state whose law limits it to residential or " +
    'consumer calls does not reach a business line. Mississippi reads a fixed clock, Central Standard Time, all year. ' +
    'A day the state bans outright is days.state, not this rule.',
  exemptions: [
    'Informational calls (`purpose: informational`).',
    "Business lines (`callee.business: true`), except in states whose law reaches business calls (the table's scope).",
    'Window rules limited to some methods (an ADAD rule) do not reach other methods.',
  ],
  requires: ['state', 'localTime'],
  timeRule: true,
  messages: {
    beforeWindow: "{localTime} in {zone} is before {start}, the start of {window}",
    afterWindow: "{localTime} in {zone} is at or after {end}, the end of {window}",
    noCallsThatDay: '{localTime} on a {day} in {zone}: {state} allows no {calls} on {day}s',
    outsideSeveral: 'outside the state calling windows {count} times: {cases}',
  },
  applies: appliesToStates('hours'),
  evaluate: (facts) => {
    const cases = outsideCases(facts);
    if (cases === undefined) return pass;
    const outside = cases.map(worded);
    const citation = joinCitations(outside.map((found) => found.citation));
    if (outside.length === 1) return violation(outside[0]!.messageId, outside[0]!.data, { citation });
    return violation('outsideSeveral', { count: outside.length, cases: outside.map(caseText).join(', ') }, { citation });
  },
  examples: [
    {
      title: '20:30 in Miami: inside the federal window, after Florida\'s',
      request: { at: '2026-03-10T20:30:00-04:00', to: '(305) 555-0123', method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-03-01', numbers: [] }, states: { FL: { syncedAt: '2026-03-01', numbers: [] } } } },
      verdict: 'block',
    },
    {
      title: '11:00 on a Sunday in Dallas: before the Texas Sunday window opens at noon',
      request: { at: '2026-03-08T11:00:00-05:00', to: '(214) 555-0123', method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-03-01', numbers: [] }, states: { TX: { syncedAt: '2026-03-01', numbers: [] } } } },
      verdict: 'block',
    },
  ],
}), blockLasts);
