import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workOutSubdivisions } from '../src/core/jurisdiction-codes.js';
import { SAVED_TABLES_FILE, sourceSha256, TABLE_SOURCES, tablesSha256, type SavedTables } from '../src/core/saved-tables.js';
import { workOutAreaCodeStates } from '../src/resolve/area-code-states.js';
import { workOutAreaCodeZones } from '../src/resolve/time-zones.js';
import { PROVINCE_TABLE } from '../policies/canada-provinces/province-table.js';
import { SAVED_HOLIDAY_YEARS, workOutStateHolidays } from '../policies/us-states/state-holidays.js';
import type { StateRow } from '../policies/us-states/state-row.js';
import { STATE_TABLE } from '../policies/us-states/state-table.js';
import { repositoryRoot, runIfMain } from './script-support.js';

/**
 * Works out the tables dialsim would otherwise work out at every start and saves them in dist/saved-tables.json,
 * with a hash of every file they come from (src/core/saved-tables.ts says when they are used): `npm run build` runs
 * this after tsc.
 */
export function saveTables(root: string): string {
  const path = join(root, SAVED_TABLES_FILE);
  // Worked out afresh: the area codes' states are matched with the names, which must not come from an older file.
  rmSync(path, { force: true });
  const sources = TABLE_SOURCES.map((source) => {
    const sha256 = sourceSha256(source);
    if (sha256 === undefined) throw new Error(`save-tables: cannot read ${source.file} of ${source.package}`);
    return { ...source, sha256 };
  });
  const tables = {
    subdivisions: workOutSubdivisions(),
    areaCodeStates: [...workOutAreaCodeStates()],
    areaCodeZones: [...workOutAreaCodeZones()],
    stateHolidays: workOutStateHolidays(statesBanningHolidays([...STATE_TABLE, ...PROVINCE_TABLE]), SAVED_HOLIDAY_YEARS),
  };
  const saved: SavedTables = { sources, tables, tablesSha256: tablesSha256(tables) };
  writeFileSync(path, `${JSON.stringify(saved)}\n`);
  return path;
}

/** The rows whose law, in some version, bans calls on legal holidays: the states whose holidays are looked up. */
export function statesBanningHolidays(rows: readonly StateRow[]): string[] {
  return rows.filter((row) => row.versions.some((version) => version.bannedDays?.value.holidays !== undefined)).map((row) => row.state);
}

runIfMain(import.meta.url, () => {
  saveTables(repositoryRoot(import.meta.url));
  return 0;
});
