/**
 * Issue 14: the tables worked out from dependencies' data at every start (state and province names, each area code's
 * states and zones, the holidays of the states that ban calls on them) are saved by the build, and used only while
 * every file they come from is as the build hashed it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workOutSubdivisions } from '../../src/core/jurisdiction-codes.js';
import { readSavedTables, SAVED_TABLES_FILE, TABLE_SOURCES, type SavedTables } from '../../src/core/saved-tables.js';
import { workOutAreaCodeStates } from '../../src/resolve/area-code-states.js';
import { GEO_CARRIER_PACKAGE, GEOCODING_FILE, TIME_ZONES_FILE } from '../../src/resolve/geo-carrier-data.js';
import { workOutAreaCodeZones } from '../../src/resolve/time-zones.js';
import { PROVINCE_TABLE } from '../../policies/canada-provinces/province-table.js';
import { SAVED_HOLIDAY_YEARS, workOutStateHolidays } from '../../policies/us-states/state-holidays.js';
import { STATE_TABLE } from '../../policies/us-states/state-table.js';
import { statesBanningHolidays } from '../../scripts/save-tables.js';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { scratchDir } from '../support/scratch-dir.js';

const savedPath = join(repoRoot, SAVED_TABLES_FILE);

function savedAsBuilt(): SavedTables {
  assertBuildIsFresh();
  return JSON.parse(readFileSync(savedPath, 'utf8')) as SavedTables;
}

describe('the saved tables', () => {
  it('are the tables the sources work out, in the same order', () => {
    const { tables } = savedAsBuilt();
    expect(tables.subdivisions).toEqual(workOutSubdivisions());
    expect(tables.areaCodeStates).toEqual([...workOutAreaCodeStates()]);
    expect(tables.areaCodeZones).toEqual([...workOutAreaCodeZones()]);
    const banning = statesBanningHolidays([...STATE_TABLE, ...PROVINCE_TABLE]);
    expect(tables.stateHolidays).toEqual(workOutStateHolidays(banning, SAVED_HOLIDAY_YEARS));
    // Not a table of nothing: every state, DC, the territories and Canada's 13; several hundred area codes each.
    expect((tables.subdivisions as unknown[]).length).toBe(51 + 5 + 13);
    expect((tables.areaCodeStates as unknown[]).length).toBeGreaterThan(400);
    // The states that ban calls on holidays (Alabama, Louisiana, Rhode Island, Utah; British Columbia), each year's.
    expect(banning).toEqual(expect.arrayContaining(['AL', 'LA', 'RI', 'UT', 'BC']));
    expect(Object.keys((tables.stateHolidays as Record<string, unknown>).AL as object)).toEqual(SAVED_HOLIDAY_YEARS.map(String));
  });

  it('list a hash of every file they are worked out from', () => {
    const { sources } = savedAsBuilt();
    expect(sources.map(({ sha256: _hash, ...source }) => source)).toEqual(TABLE_SOURCES);
    for (const source of sources) expect(source.sha256, source.file).toMatch(/^[0-9a-f]{64}$/);
    // The very files the area-code tables are read from.
    for (const file of [GEOCODING_FILE, TIME_ZONES_FILE]) expect(TABLE_SOURCES).toContainEqual({ package: GEO_CARRIER_PACKAGE, file });
  });

  it('are not used when one of those files changed since the build, or is not listed, or the tables themselves changed', () => {
    const saved = savedAsBuilt();
    const dir = scratchDir('saved-tables');
    const write = (name: string, tables: SavedTables): string => {
      writeFileSync(join(dir, name), JSON.stringify(tables));
      return join(dir, name);
    };
    expect(readSavedTables(write('intact.json', saved))?.tables).toEqual(saved.tables);
    const changed = saved.sources.map((source, index) => (index === 3 ? { ...source, sha256: '0'.repeat(64) } : source));
    expect(readSavedTables(write('changed.json', { ...saved, sources: changed }))).toBeUndefined();
    expect(readSavedTables(write('unlisted.json', { ...saved, sources: saved.sources.slice(1) }))).toBeUndefined();
    const damaged = { ...saved.tables, subdivisions: (saved.tables.subdivisions as { code: string }[]).map((entry) => (entry.code === 'FL' ? { ...entry, name: 'Flor1da' } : entry)) };
    expect(readSavedTables(write('damaged.json', { ...saved, tables: damaged }))).toBeUndefined();
    expect(readSavedTables(join(dir, 'absent.json'))).toBeUndefined();
    expect(readSavedTables(write('no-sources.json', { tables: saved.tables, tablesSha256: saved.tablesSha256 } as SavedTables))).toBeUndefined();
  });

  it('are why no module imports date-holidays or the BSON reader: they are loaded through require, when needed', () => {
    const sources = readdirSync(repoRoot, { recursive: true, encoding: 'utf8' }).filter((path) => /^(src|policies|scripts)\/.*\.ts$/.test(path));
    expect(sources.length).toBeGreaterThan(100);
    // A value import (not `import type`) or a dynamic import (not `typeof import`) of either, anywhere in dialsim's own code.
    const importing = sources.filter((path) => /\bimport\s+(?!type\b)[^;]*?from\s*'(date-holidays|bson)'|(?<!typeof )\bimport\(\s*'(date-holidays|bson)'/.test(readFileSync(join(repoRoot, path), 'utf8')));
    expect(importing).toEqual([]);
  });

  it("spare the built code loading date-holidays for a holiday of a saved state and year, until another's is asked for", () => {
    assertBuildIsFresh();
    const script = `
      const { createRequire } = await import('node:module');
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/node_modules/date-holidays/'));
      const { legalHolidayOn } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist/policies/us-states/state-holidays.js')).href)});
      const saved = { al: legalHolidayOn('AL', '2026-12-25', { substituteDays: true }), labor: legalHolidayOn('UT', '2030-09-02', { substituteDays: true }), loaded: loaded() };
      const later = legalHolidayOn('AL', '2055-12-25', { substituteDays: true });
      console.log(JSON.stringify({ ...saved, later, after: loaded() }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toEqual({ al: 'Christmas Day', labor: 'Labor Day', loaded: false, later: 'Christmas Day', after: true });
  });

  it('spare the built code loading date-holidays until a holiday is asked for, and the BSON reader at all', () => {
    assertBuildIsFresh();
    const script = `
      const { createRequire } = await import('node:module');
      const loaded = (name) => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/node_modules/' + name + '/'));
      const { subdivisionName } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist/src/core/jurisdiction-codes.js')).href)});
      const { statesForNanpNumber } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist/src/resolve/area-code-states.js')).href)});
      const { legalHolidayOn } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist/policies/us-states/state-holidays.js')).href)});
      const before = { name: subdivisionName('FL'), states: statesForNanpNumber('+13055550123', 'US'), loaded: loaded('date-holidays') };
      const holiday = legalHolidayOn('FL', '2026-12-25', { substituteDays: true });
      console.log(JSON.stringify({ ...before, holiday, after: loaded('date-holidays'), bson: loaded('bson') }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toEqual({ name: 'Florida', states: ['FL'], loaded: false, holiday: 'Christmas Day', after: true, bson: false });
  });
});
