import { DateTime } from 'luxon';

/**
 * The floor's working hours as instants: one [start, end) window per working day of the campaign, computed once
 * with luxon in the agents' zone (so a shift stays 09:00-17:00 local across a DST change), then searched by index.
 */
export class ShiftCalendar {
  readonly #windows: readonly (readonly [number, number])[];

  constructor(options: { start: number; days: number; shiftStart: string; shiftEnd: string; timeZone: string; weekdays: readonly number[] }) {
    const windows: [number, number][] = [];
    const first = DateTime.fromMillis(options.start, { zone: options.timeZone }).startOf('day');
    for (let offset = 0; offset <= options.days; offset++) {
      const day = first.plus({ days: offset });
      if (!options.weekdays.includes(day.weekday)) continue;
      const at = (clock: string) => day.set({ hour: Number(clock.slice(0, 2)), minute: Number(clock.slice(3, 5)) }).toMillis();
      const window: [number, number] = [Math.max(at(options.shiftStart), options.start), at(options.shiftEnd)];
      if (window[0] < window[1]) windows.push(window);
    }
    this.#windows = windows;
  }

  /** The earliest working instant at or after `at`, or `null` when the campaign's shifts are over. */
  nextWorkingInstant(at: number): number | null {
    let low = 0;
    let high = this.#windows.length;
    // First window whose end is after `at`.
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#windows[middle]![1] <= at) low = middle + 1;
      else high = middle;
    }
    const window = this.#windows[low];
    if (window === undefined) return null;
    return Math.max(window[0], at);
  }

  /** The end of the shift that contains `at` (which must be a working instant). */
  shiftEnd(at: number): number {
    for (const [start, end] of this.#windows) if (start <= at && at < end) return end;
    return at;
  }

  get lastEnd(): number {
    return this.#windows.at(-1)?.[1] ?? 0;
  }
}
