/**
 * Instants are epoch milliseconds inside dialsim. At the edge they arrive as ISO-8601 text, which must carry an
 * offset (or Z): a wall-clock time without one names no instant, and guessing a zone is how calls land at 07:00.
 */

const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a text is not an instant; `null` when it is one. */
export type InstantProblem = 'format' | 'no-offset' | 'out-of-range';

export interface ParsedInstant {
  readonly epochMs: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * Years before 1900 are refused: Date.UTC reads 0-99 as 1900-1999, and a year like 0026 is a typo for 2026 far
 * more often than a telemarketing call in antiquity.
 */
const FIRST_YEAR = 1900;

function validDate(year: number, month: number, day: number): boolean {
  return year >= FIRST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses an ISO-8601 instant with an offset or Z (seconds and fractions optional).
 * Returns the epoch milliseconds, or the reason the text is not such an instant.
 */
export function parseInstant(text: string): number | InstantProblem {
  const match = INSTANT_PATTERN.exec(text);
  if (match === null) {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? 'no-offset' : 'format';
  }
  const [, y, mo, d, h, mi, s, frac, offset] = match as unknown as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return 'out-of-range';
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const sign = offset!.startsWith('-') ? -1 : 1;
    const offsetHours = Number(offset!.slice(1, 3));
    const offsetMins = Number(offset!.slice(4, 6));
    if (offsetHours > 23 || offsetMins > 59) return 'out-of-range';
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** Parses an instant as `parseInstant` does, or a date alone ("2026-03-01"), which means 00:00 UTC that day. */
export function parseInstantOrDate(text: string): number | InstantProblem {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return parseInstant(text);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return validDate(year, month, day) ? Date.UTC(year, month - 1, day) : 'out-of-range';
}

const DAY = 86_400_000;
let formattedDay = Number.NaN;
let formattedDayPrefix = '';

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * ISO-8601 in UTC without milliseconds when they are zero, e.g. `2026-03-01T00:00:00Z`. Audit logs format millions
 * of instants, mostly on the same day: the date part is cached and the time of day computed.
 */
export function formatInstantUtc(epochMs: number): string {
  if (epochMs % 1000 !== 0) return new Date(epochMs).toISOString();
  const day = Math.floor(epochMs / DAY);
  if (day !== formattedDay) {
    formattedDay = day;
    formattedDayPrefix = new Date(day * DAY).toISOString().slice(0, 11);
  }
  const seconds = (epochMs - day * DAY) / 1000;
  return `${formattedDayPrefix}${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}Z`;
}

/** Dates by UTC day number: messages name a few hundred distinct days, each formatted once. */
const utcDates = new Map<number, string>();
const MAX_CACHED_UTC_DATES = 10_000;

/** The date part of an instant in UTC, e.g. `2026-03-01`: the resolution most messages need. */
export function formatDateUtc(epochMs: number): string {
  const day = Math.floor(epochMs / 86_400_000);
  let date = utcDates.get(day);
  if (date === undefined) {
    // From the instant itself, not the day's start: an instant toISOString refuses still throws as before.
    date = new Date(epochMs).toISOString().slice(0, 10);
    if (utcDates.size >= MAX_CACHED_UTC_DATES) utcDates.clear();
    utcDates.set(day, date);
  }
  return date;
}


/** A duration as whole days and a clock, e.g. `31 days 00:00:01`, so a limit passed by one second reads as such. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const clock = new Date((totalSeconds % 86_400) * 1000).toISOString().slice(11, 19);
  return `${days} ${days === 1 ? 'day' : 'days'} ${clock}`;
}
