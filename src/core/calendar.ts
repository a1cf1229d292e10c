/**
 * Calendar arithmetic in UTC, for rules written in months ("within the 18 months before the call").
 * Month ends clamp the way luxon's `minus({ months })` does: 31 August minus 6 months is 28 (or 29) February.
 */
export function subtractCalendarMonthsUtc(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const year = date.getUTCFullYear();
  const monthIndex = date.getUTCMonth() - months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return Date.UTC(
    targetYear,
    targetMonth,
    day,
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * A relationship date counts for an exemption when it is at or before the call and no older than `months` calendar
 * months counted back from it in UTC (../shared/check-contract.md); a date after the call does not count.
 */
export function withinMonthsBefore(date: number | null, at: number, months: number): date is number {
  return date !== null && date <= at && date >= subtractCalendarMonthsUtc(at, months);
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Weekdays by date, since a stream of calls falls on a few hundred dates and the rules ask per candidate zone and
 * instant; bounded, as a date is any string the caller passes.
 */
const weekdays = new Map<string, Weekday>();
const MAX_CACHED_DATES = 10_000;

/** The weekday of a calendar date `YYYY-MM-DD` (a callee-local date: the first ten characters of a local time). */
export function weekdayOf(date: string): Weekday {
  let weekday = weekdays.get(date);
  if (weekday === undefined) {
    const day = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay();
    weekday = WEEKDAYS[(day + 6) % 7]!;
    if (weekdays.size >= MAX_CACHED_DATES) weekdays.clear();
    weekdays.set(date, weekday);
  }
  return weekday;
}


/** `Sunday` for `sunday`. */
export function dayName(day: Weekday): string {
  return day[0]!.toUpperCase() + day.slice(1);
}
