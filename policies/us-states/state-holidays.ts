import { holidaysPackage } from '../../src/core/holidays-package.js';
import { subdivision } from '../../src/core/jurisdiction-codes.js';
import { savedTable } from '../../src/core/saved-tables.js';

/**
 * State legal holidays from the date-holidays package: its `public` rows for the state. Observances (Valentine's
 * Day, Halloween) and optional days (Christmas Eve) are not legal holidays and are left out. A substitute row (the
 * Friday a Saturday holiday is observed on) counts only when the state's row says so.
 *
 * Worked out per state and year, and saved by the build for the states whose rows ban calls on holidays, over
 * SAVED_HOLIDAY_YEARS (src/core/saved-tables.ts says when saved tables are used): loading date-holidays and
 * working out the first state's year took about 110 ms in every process and worker thread that screened a call to
 * such a state. Any other state or year is worked out as before.
 */

/**
 * A date's holiday: the date (`YYYY-MM-DD`), its name, whether it is a substitute day, and whether it is a row of
 * another type than public (an observance: banned only when the state's row names it). A tuple, as the build saves it.
 */
type Holiday = readonly [date: string, name: string, substitute: boolean, observance: boolean];

/** Holidays by state, then by year. */
export type StateHolidayTable = Readonly<Record<string, Readonly<Record<string, readonly Holiday[]>>>>;

/** The years the build saves: a few back, for calls screened after the fact, and well ahead. */
export const SAVED_HOLIDAY_YEARS: readonly number[] = Array.from({ length: 21 }, (_, index) => 2020 + index);

const byStateAndYear = new Map<string, ReadonlyMap<string, Holiday>>();

function holidaysOf(state: string, year: number): ReadonlyMap<string, Holiday> {
  const key = `${state}:${year}`;
  let days = byStateAndYear.get(key);
  if (days === undefined) {
    const saved = holidayTable()[state]?.[String(year)];
    days = saved === undefined ? workOutHolidays(state, year) : new Map(saved.map((holiday) => [holiday[0], holiday]));
    byStateAndYear.set(key, days);
  }
  return days;
}

function workOutHolidays(state: string, year: number): Map<string, Holiday> {
  const calendar = new (holidaysPackage())(subdivision(state)?.country ?? 'US', state);
  const found = new Map<string, Holiday>();
  for (const holiday of calendar.getHolidays(year) || []) {
    const date = holiday.date.slice(0, 10);
    const substitute = holiday.substitute === true;
    const observance = holiday.type !== 'public';
    const held = found.get(date);
    // A real public holiday wins over a substitute row or an observance on the same date.
    if (held === undefined || (!observance && (held[2] || held[3]))) found.set(date, [date, holiday.name, substitute, observance]);
  }
  return found;
}

/** The holidays of each state in each year, as the build saves them. */
export function workOutStateHolidays(states: readonly string[], years: readonly number[]): StateHolidayTable {
  return Object.fromEntries(states.map((state) => [state, Object.fromEntries(years.map((year) => [String(year), [...workOutHolidays(state, year).values()]]))]));
}

let table: StateHolidayTable | undefined;

/** The saved holidays (none when the build's tables are not used), or those a worker thread was sent. */
export function holidayTable(): StateHolidayTable {
  return (table ??= (savedTable('stateHolidays') as StateHolidayTable | undefined) ?? {});
}

/** In a worker: the holidays the calling thread has saved, sent rather than read and hashed again. */
export function adoptHolidayTable(sent: StateHolidayTable): void {
  table = sent;
}

/** The legal holiday of `state` on a local date (`YYYY-MM-DD`), or undefined. */
export function legalHolidayOn(state: string, localDate: string, options: { substituteDays: boolean; alsoNamed?: readonly string[] | undefined }): string | undefined {
  const holiday = holidaysOf(state, Number(localDate.slice(0, 4))).get(localDate);
  if (holiday === undefined) return undefined;
  const [, name, substitute, observance] = holiday;
  if (substitute && !options.substituteDays) return undefined;
  if (observance && !(options.alsoNamed ?? []).includes(name)) return undefined;
  return name;
}
