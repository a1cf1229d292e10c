/**
 * Number and date wording for the report, written out by hand rather than through `Intl`: the same results must
 * give the same bytes on every machine, whatever its locale and ICU data.
 */

/** 12345 → "12,345". */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(Math.round(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.0312 → "3.12%". */
export function formatPercent(share: number, digits = 2): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A share of a whole as a percentage, "–" when the whole is zero. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? '–' : formatPercent(part / whole, 1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-02" → "Mar 2", or "Mar 2 '26" with `shortYear` (for axes that cross a new year). */
export function formatDay(day: string, options: { shortYear?: boolean } = {}): string {
  const text = `${MONTHS[Number(day.slice(5, 7)) - 1] ?? day.slice(5, 7)} ${Number(day.slice(8, 10))}`;
  return options.shortYear ? `${text} '${day.slice(2, 4)}` : text;
}

/** Whether days, in order, cross a year boundary: their axis labels then need the year. */
export function spansYears(days: readonly string[]): boolean {
  return days.length > 0 && days[0]!.slice(0, 4) !== days.at(-1)!.slice(0, 4);
}

/** "2026-03-02" → "Mar 2, 2026". */
export function formatDayWithYear(day: string): string {
  return `${formatDay(day)}, ${day.slice(0, 4)}`;
}

/** 8 → "08:00". */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "2026-03-11T02:30:00Z" → "2026-03-11 02:30:00 UTC". */
export function formatInstant(at: string): string {
  return at.endsWith('Z') ? `${at.slice(0, 10)} ${at.slice(11, 19)} UTC` : at;
}
