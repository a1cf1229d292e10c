import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseCheckRequest } from '../../../src/core/check-request.js';
import { screen } from '../../../src/engine/screen.js';
import { STATE_TABLE } from '../../../policies/us-states/state-table.js';
import { WEEKDAYS } from '../../../policies/us-states/state-row.js';

/**
 * Table tests generated from the state table itself: for every row, every version and every calling window, on every
 * day of a week in force, the window's start is allowed and the second before it blocked, the second before its end
 * allowed and its end blocked. The callee is a Georgia number (Georgia has no row) whose address is in the state.
 */

const ATLANTA = '(404) 555-0123';

/** The Monday of a week in which the version is in force and no holiday falls. */
function mondayOf(effectiveFrom: string | null): DateTime {
  const from = DateTime.fromISO(effectiveFrom ?? '2026-06-01', { zone: 'UTC' }).plus({ days: 7 });
  return from.minus({ days: from.weekday - 1 });
}

function hoursStateBlocks(state: string, zone: string, local: DateTime, method: 'manual' | 'autodialer' | 'prerecorded'): boolean {
  const at = DateTime.fromObject({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second }, { zone }).toISO()!;
  const decision = screen(
    parseCheckRequest({ at, to: ATLANTA, method, caller: { seller: 'acme' }, callee: { state, timeZone: zone, lineType: 'landline' }, registries: { national: { syncedAt: at, numbers: [] } } }),
  );
  return decision.violations.some((violation) => violation.rule === 'hours.state');
}

const cases = STATE_TABLE.flatMap((row) =>
  row.versions.flatMap((version, versionIndex) =>
    (version.hours ?? []).flatMap((cited) =>
      WEEKDAYS.flatMap((day, dayIndex) => {
        const window = cited.value.windows[day];
        if (window === null) return [];
        // A fixed statutory clock (Mississippi's Central Standard Time, UTC-6) is a fixed-offset IANA zone (Etc/GMT+6).
        const offsetHours = (cited.value.clock?.offsetMinutes ?? 0) / 60;
        const zone = cited.value.clock === undefined ? 'America/New_York' : `Etc/GMT${offsetHours <= 0 ? '+' : '-'}${Math.abs(offsetHours)}`;
        const date = mondayOf(version.effectiveFrom).plus({ days: dayIndex });
        return [{ name: `${row.state} v${versionIndex + 1} ${day} ${date.toISODate()} ${window.from}-${window.to}${cited.value.methods ? ` (${cited.value.methods.join('/')})` : ''}`, state: row.state, zone, date, window, method: cited.value.methods?.[0] ?? ('manual' as const) }];
      }),
    ),
  ),
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
