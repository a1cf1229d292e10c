import Holidays from 'date-holidays';
import { subdivision } from '../../src/core/jurisdiction-codes.js';

/**
 * State legal holidays from the date-holidays package: its `public` rows for the state. Observances (Valentine's
 * Day, Halloween) and optional days (Christmas Eve) are not legal holidays and are left out. A substitute row (the
 * Friday a Saturday holiday is observed on) counts only when the state's row says so.
 */

interface Holiday {
  readonly name: string;
  readonly substitute: boolean;
}

const byStateAndYear = new Map<string, ReadonlyMap<string, Holiday>>();

function holidaysOf(state: string, year: number): ReadonlyMap<string, Holiday> {
  const key = `${state}:${year}`;
  let days = byStateAndYear.get(key);
  if (days === undefined) {
    const calendar = new Holidays(subdivision(state)?.country ?? 'US', state);
    const found = new Map<string, Holiday>();
    for (const holiday of calendar.getHolidays(year) || []) {
      if (holiday.type !== 'public') continue;
      const date = holiday.date.slice(0, 10);
      const substitute = holiday.substitute === true;
      // A real holiday wins over a substitute row on the same date.
      if (!found.has(date) || found.get(date)!.substitute) found.set(date, { name: holiday.name, substitute });
    }
    byStateAndYear.set(key, (days = found));
  }
  return days;
}

/** The legal holiday of `state` on a local date (`YYYY-MM-DD`), or undefined. */
export function legalHolidayOn(state: string, localDate: string, options: { substituteDays: boolean }): string | undefined {
  const holiday = holidaysOf(state, Number(localDate.slice(0, 4))).get(localDate);
  if (holiday === undefined || (holiday.substitute && !options.substituteDays)) return undefined;
  return holiday.name;
}
