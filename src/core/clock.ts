/** Wall-clock helpers for calling windows: a window's `HH:MM` bounds and a local time as a person reads it. */

/** A calling window in local time: `from` is allowed, `to` is not (08:00 allowed, 21:00 blocked). */
export interface ClockWindow {
  readonly from: string;
  readonly to: string;
}

/** Seconds since midnight of `HH:MM`. */
export function secondOfDay(clock: string): number {
  // Read from the character codes when they are digits (as a window's bounds are): the rules ask per zone and
  // candidate instant, and two slices and two numbers each time were a measurable share of a search.
  const h1 = clock.charCodeAt(0) - 48;
  const h2 = clock.charCodeAt(1) - 48;
  const m1 = clock.charCodeAt(3) - 48;
  const m2 = clock.charCodeAt(4) - 48;
  if (h1 >= 0 && h1 <= 9 && h2 >= 0 && h2 <= 9 && m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9) return (h1 * 10 + h2) * 3600 + (m1 * 10 + m2) * 60;
  return Number(clock.slice(0, 2)) * 3600 + Number(clock.slice(3, 5)) * 60;
}

/** Whether a second of the local day is inside the window: its start allowed, its end blocked. */
export function insideWindow(second: number, window: ClockWindow): boolean {
  return second >= secondOfDay(window.from) && second < secondOfDay(window.to);
}

/** `20:59` for an ISO-8601 local time, or `07:59:59` when the seconds matter. */
export function wallClock(iso: string): string {
  // Compared by character code: a slice per call only to compare it was a measurable share of an hours rule.
  return iso.length >= 19 && iso.charCodeAt(17) === 48 && iso.charCodeAt(18) === 48 ? iso.slice(11, 16) : iso.slice(11, 19);
}
