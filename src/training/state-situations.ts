import { DateTime } from 'luxon';
import { secondOfDay } from '../core/clock.js';
import { WEEKDAYS, type Weekday } from '../core/calendar.js';
import { STATE_ROWS } from '../../policies/us-states/state-table.js';
import { versionOn, type StateLawVersion, type StateRow } from '../../policies/us-states/state-row.js';
import { legalHolidayOn } from '../../policies/us-states/state-holidays.js';
import { statesForNanpNumber } from '../resolve/area-code-states.js';
import { resolveNumberDirect } from '../resolve/phone-number.js';
import { zonesForNanpNumber } from '../resolve/time-zones.js';
import type { Picker } from './random-pick.js';
import { clock, leadNumber } from './situation-pool.js';
import type { Situation } from './situation.js';

/**
 * Drills about state law, drawn from the state table itself: a state's own window edge (Texas on a Sunday at 11:59
 * and 12:00), a holiday or a Sunday it bans, the call one past its cap. The area codes come from the numbering data
 * (one state, one zone), so a row added to the table is drilled without touching training.
 */

/** A drill on one side of a state rule's edge, its twin on the other, and what moves it across, in a phrase. */
export interface StateDrill {
  readonly situation: Situation;
  readonly twin: Situation;
  readonly contrast: string;
}

/** Which side of the edge the situation takes: `blocked` for single drills, either for edge drills. */
type Side = 'blocked' | 'either';

let areaCodesByState: ReadonlyMap<string, readonly string[]> | undefined;

/** Area codes whose numbers are in exactly one state, with a row of its own, and one zone. */
function stateAreaCodes(): ReadonlyMap<string, readonly string[]> {
  if (areaCodesByState !== undefined) return areaCodesByState;
  const found = new Map<string, string[]>();
  for (let code = 201; code <= 989; code++) {
    const e164 = `+1${code}5550100`;
    const number = resolveNumberDirect(e164);
    if (number.validity !== 'valid' || number.region !== 'US' || number.kind !== 'geographic') continue;
    const states = statesForNanpNumber(e164, number.region);
    if (states.length !== 1 || !STATE_ROWS.has(states[0]!) || zonesForNanpNumber(e164).length !== 1) continue;
    found.set(states[0]!, [...(found.get(states[0]!) ?? []), String(code)]);
  }
  return (areaCodesByState = found);
}

/** The state rows that have a version with the rule `has` asks for, on a date of 2026, with an area code to call. */
function rowsWith(date: string, has: (version: StateLawVersion) => boolean): StateRow[] {
  const codes = stateAreaCodes();
  return [...STATE_ROWS.values()].filter((row) => {
    const version = versionOn(row, date);
    return codes.has(row.state) && version !== undefined && has(version);
  });
}

function callInState(p: Picker, row: StateRow, base: Situation): Situation {
  const to = leadNumber(p, p.pick(stateAreaCodes().get(row.state)!));
  return { ...base, to, clockZone: zonesForNanpNumber(`+1${to.replace(/\D/g, '')}`)[0]! };
}

/** The next date on or after `from` that falls on `weekday`. */
function nextWeekday(from: string, weekday: Weekday): string {
  const date = DateTime.fromISO(from, { zone: 'utc' });
  return date.plus({ days: (WEEKDAYS.indexOf(weekday) + 1 - date.weekday + 7) % 7 }).toISODate()!;
}

const FEDERAL = { from: secondOfDay('08:00'), to: secondOfDay('21:00') };

/** `HH:MM` one minute before `HH:MM`. */
function minuteBefore(time: string): string {
  const second = secondOfDay(time) - 60;
  return clock(Math.floor(second / 3600), Math.floor(second / 60) % 60).slice(0, 5);
}

/**
 * A call at a state's own window edge, inside the federal window: the window's end (blocked) or the minute before
 * it, or its start (allowed) and the minute before it. Returns the situation and the twin across the edge.
 */
export function stateWindowEdge(p: Picker, base: Situation, side: Side = 'either'): StateDrill | undefined {
  const plainHours = (version: StateLawVersion) => (version.hours ?? []).some((hours) => hours.value.methods === undefined && hours.value.clock === undefined);
  const rows = rowsWith(base.localDate, plainHours);
  if (rows.length === 0) return undefined;
  const row = p.pick(rows);
  const hours = versionOn(row, base.localDate)!.hours!.find((entry) => entry.value.methods === undefined && entry.value.clock === undefined)!.value;
  const edges = WEEKDAYS.flatMap((weekday) => {
    const window = hours.windows[weekday];
    if (window === null) return [];
    const inside = (time: string) => secondOfDay(time) >= FEDERAL.from && secondOfDay(time) < FEDERAL.to;
    return [
      ...(window.from !== '08:00' && inside(minuteBefore(window.from)) ? [{ weekday, blocked: minuteBefore(window.from), allowed: window.from }] : []),
      ...(window.to !== '21:00' && inside(window.to) ? [{ weekday, blocked: window.to, allowed: minuteBefore(window.to) }] : []),
    ];
  });
  if (edges.length === 0) return undefined;
  const edge = p.pick(edges);
  // A day the state bans outright would make the drill about the day, not the window: take the same weekday later.
  let date = nextWeekday(base.localDate, edge.weekday);
  for (let week = 0; week < 8 && bannedOn(row, date); week++) date = DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 7 }).toISODate()!;
  if (bannedOn(row, date)) return undefined;
  const onBlockedSide = side === 'blocked' || (side === 'either' && p.chance(0.5));
  const situation: Situation = { ...callInState(p, row, base), localDate: date, localTime: `${onBlockedSide ? edge.blocked : edge.allowed}:00` };
  const twinTime = onBlockedSide ? edge.allowed : edge.blocked;
  return { situation, twin: { ...situation, localTime: `${twinTime}:00` }, contrast: `the same call at ${twinTime} local time` };
}

/** Whether the row's law in force on `date` bans calls that whole day (a banned weekday or a legal holiday). */
function bannedOn(row: StateRow, date: string): boolean {
  const banned = versionOn(row, date)?.bannedDays?.value;
  if (banned === undefined) return false;
  const weekday = WEEKDAYS[DateTime.fromISO(date, { zone: 'utc' }).weekday - 1]!;
  return banned.weekdays.includes(weekday) || (banned.holidays !== undefined && legalHolidayOn(row.state, date, banned.holidays) !== undefined);
}

/** A call on a day a state bans (a legal holiday or a Sunday), its twin the same call on the next ordinary day. */
export function stateBannedDay(p: Picker, base: Situation): StateDrill | undefined {
  const rows = rowsWith(base.localDate, (version) => version.bannedDays !== undefined);
  if (rows.length === 0) return undefined;
  const row = p.pick(rows);
  const isBanned = (date: string) => bannedOn(row, date);
  let date = DateTime.fromISO(base.localDate, { zone: 'utc' });
  for (let step = 0; step < 370 && !isBanned(date.toISODate()!); step++) date = date.plus({ days: 1 });
  if (!isBanned(date.toISODate()!)) return undefined;
  let next = date.plus({ days: 1 });
  while (isBanned(next.toISODate()!)) next = next.plus({ days: 1 });
  const situation: Situation = { ...callInState(p, row, base), localDate: date.toISODate()!, localTime: clock(p.int(13, 16), p.int(0, 11) * 5) };
  return { situation, twin: { ...situation, localDate: next.toISODate()! }, contrast: `the same call on ${next.toFormat('cccc d LLLL')}` };
}

/** The call one past a state's cap on calls about the same subject, its twin the call the cap still allows. */
export function stateCallCap(p: Picker, base: Situation): StateDrill | undefined {
  const rows = rowsWith(base.localDate, (version) => version.frequencyCap !== undefined && version.frequencyCap.value.methods === undefined);
  if (rows.length === 0) return undefined;
  const row = p.pick(rows);
  const cap = versionOn(row, base.localDate)!.frequencyCap!.value;
  const subject = p.pick(['solar panels', 'home insurance', 'a brokerage account']);
  // The earlier calls were placed over the last hours, on the same subject; the call is the next one counted.
  const earlier = Array.from({ length: cap.calls }, (_, index) => ({ hours: 1 + index * 2 }));
  const situation: Situation = { ...callInState(p, row, base), localTime: clock(p.int(17, 19), 0), subject, historyAgo: earlier };
  return { situation, twin: { ...situation, historyAgo: earlier.slice(1) }, contrast: `one earlier call fewer (${cap.calls - 1} in the last ${cap.windowHours} hours)` };
}
