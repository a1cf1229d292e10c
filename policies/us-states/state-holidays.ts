import { holidaysPackage } from '../../src/core/holidays-package.js';
import { subdivision } from '../../src/core/jurisdiction-codes.js';

/**
 * State legal holidays from the date-holidays package: its `public` rows for the state. Observances (Valentine's
 * Day, Halloween) and optional days (Christmas Eve) are not legal holidays and are left out. A substitute row (the
 * Friday a Saturday holiday is observed on) counts only when the state's row says so.
 */

interface Holiday {
  readonly name: string;
  readonly substitute: boolean;
  /** A row of another type (an observance): banned only when the row names it. */
  readonly observance: boolean;
}

const byStateAndYear = new Map<string, ReadonlyMap<string, Holiday>>();

function holidaysOf(state: string, year: number): ReadonlyMap<string, Holiday> {
  const key = `${state}:${year}`;
  let days = byStateAndYear.get(key);
  if (days === undefined) {
    const calendar = new (holidaysPackage())(subdivision(state)?.country ?? 'US', state);
    const found = new Map<string, Holiday>();
    for (const holiday of calendar.getHolidays(year) || []) {
      const date = holiday.date.slice(0, 10);
      const substitute = holiday.substitute === true;
      const observance = holiday.type !== 'public';
      const held = found.get(date);
      // A real public holiday wins over a substitute row or an observance on the same date.
      if (held === undefined || (!observance && (held.substitute || held.observance))) found.set(date, { name: holiday.name, substitute, observance });
    }
    byStateAndYear.set(key, (days = found));
  }
  return days;
}

/** The legal holiday of `state` on a local date (`YYYY-MM-DD`), or undefined. */
export function legalHolidayOn(state: string, localDate: string, options: { substituteDays: boolean; alsoNamed?: readonly string[] | undefined }): string | undefined {
  const holiday = holidaysOf(state, Number(localDate.slice(0, 4))).get(localDate);
  if (holiday === undefined || (holiday.substitute && !options.substituteDays)) return undefined;
  if (holiday.observance && !(options.alsoNamed ?? []).includes(holiday.name)) return undefined;
  return holiday.name;
}
