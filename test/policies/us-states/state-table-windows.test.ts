import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseCheckRequest } from '../../../src/core/check-request.js';
import { screen } from '../../../src/engine/screen.js';
import { STATE_TABLE } from '../../../policies/us-states/state-table.js';
import { DIAL_METHODS, type DialMethod } from '../../../src/core/attempt.js';
import { WEEKDAYS, type StateHours, type Weekday } from '../../../policies/us-states/state-row.js';

/**
 * Table tests generated from the state table itself: for every row, every version, every dialing method its windows
 * name and every day of a week in force, the window's start is allowed and the second before it blocked, the second
 * before its end allowed and its end blocked. The callee is a Georgia number (Georgia has no row) whose address is in the state.
 */

const ATLANTA = '(404) 555-0123';

/** The Monday of a week in which the version is in force and no holiday falls. */
function mondayOf(effectiveFrom: string | null): DateTime {
  const from = DateTime.fromISO(effectiveFrom ?? '2026-06-01', { zone: 'UTC' }).plus({ days: 7 });
  return from.minus({ days: from.weekday - 1 });
}

function hoursStateBlocks(state: string, zone: string, local: DateTime, method: DialMethod): boolean {
  const at = DateTime.fromObject({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second }, { zone }).toISO()!;
  const decision = screen(
    parseCheckRequest({ at, to: ATLANTA, method, caller: { seller: 'acme' }, callee: { state, timeZone: zone, lineType: 'landline' }, registries: { national: { syncedAt: at, numbers: [] } } }),
  );
  return decision.violations.some((violation) => violation.rule === 'hours.state');
}

/**
 * The windows a call by this method must be inside: every hours entry of the version that names no method or names
 * this one. Where two apply (Oklahoma's 08:00-20:00 and its ADAD 09:00-21:00), the call must be inside both, so the
 * edges tested are the latest start and the earliest end.
 */
function effectiveWindow(hours: readonly StateHours[], day: Weekday, method: DialMethod): { from: string; to: string; clock: StateHours['clock'] } | undefined {
  const applying = hours.filter((entry) => entry.methods === undefined || entry.methods.includes(method));
  if (applying.length === 0 || applying.some((entry) => entry.windows[day] === null)) return undefined;
  const clocks = new Set(applying.map((entry) => JSON.stringify(entry.clock ?? null)));
  if (clocks.size > 1) throw new Error('windows on two different clocks for one method: extend this test');
  const from = applying.map((entry) => entry.windows[day]!.from).sort().at(-1)!;
  const to = applying.map((entry) => entry.windows[day]!.to).sort()[0]!;
  return from < to ? { from, to, clock: applying[0]!.clock } : undefined;
}

/** A manual call where some entry names no method, and each method an entry names. */
function methodsOf(hours: readonly StateHours[]): DialMethod[] {
  return DIAL_METHODS.filter((method) => hours.some((entry) => (method === 'manual' ? entry.methods === undefined : entry.methods?.includes(method))));
}

const cases = STATE_TABLE.flatMap((row) =>
  row.versions.flatMap((version, versionIndex) => {
    const hours = (version.hours ?? []).map((cited) => cited.value);
    return methodsOf(hours).flatMap((method) =>
      WEEKDAYS.flatMap((day, dayIndex) => {
        const window = effectiveWindow(hours, day, method);
        if (window === undefined) return [];
        // A fixed statutory clock (Mississippi's Central Standard Time, UTC-6) is a fixed-offset IANA zone (Etc/GMT+6).
        const offsetHours = (window.clock?.offsetMinutes ?? 0) / 60;
        const zone = window.clock === undefined ? 'America/New_York' : `Etc/GMT${offsetHours <= 0 ? '+' : '-'}${Math.abs(offsetHours)}`;
        const date = mondayOf(version.effectiveFrom).plus({ days: dayIndex });
        return [{ name: `${row.state} v${versionIndex + 1} ${day} ${date.toISODate()} ${window.from}-${window.to} (${method})`, state: row.state, zone, date, window, method }];
      }),
    );
  }),
);

describe('every window of the state table, at its edges', () => {
  it('the table has windows to test', () => expect(cases.length).toBeGreaterThan(100));

  it.each(cases)('$name', ({ state, zone, date, window, method }) => {
    const at = (clock: string, shiftSeconds: number) => date.set({ hour: Number(clock.slice(0, 2)), minute: Number(clock.slice(3, 5)), second: 0 }).plus({ seconds: shiftSeconds });
    expect(hoursStateBlocks(state, zone, at(window.from, 0), method), 'start allowed').toBe(false);
    expect(hoursStateBlocks(state, zone, at(window.from, -1), method), 'a second before the start blocked').toBe(true);
    expect(hoursStateBlocks(state, zone, at(window.to, -1), method), 'a second before the end allowed').toBe(false);
    expect(hoursStateBlocks(state, zone, at(window.to, 0), method), 'the end blocked').toBe(true);
  });
});
