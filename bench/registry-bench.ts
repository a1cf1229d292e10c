import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/core/seeded-random.js';
import { RegistryStore } from '../src/registry-store/registry-store.js';

/**
 * The registry at scale: the same FTC-style downloads kept three ways, each measured in a process of its own so
 * that its resident memory is its own: the store (`dialsim registry import`), SQLite (one table keyed by the number,
 * as a VICIdial-style setup keeps it; better-sqlite3 is a bench-only package, `npm run bench:setup`) and a JS `Set`
 * of E.164 strings at the largest size a Set holds. Lookups are the same random numbers for all three, half of them
 * listed. The generator and the importer are loaded only where they run, so that a child measuring an open store
 * holds the store and little else.
 */

export interface RegistryBenchLine {
  readonly bench: 'registry-store' | 'registry-sqlite' | 'registry-set';
  readonly numbers: number;
  readonly resident_mb: number;
  readonly file_mb: number | null;
  readonly import_s: number;
  readonly open_s: number | null;
  /** Lookups one at a time: `has(e164)` for the store. */
  readonly lookups_per_s: number;
  /** The store alone: the same lookups through `hasEach`, a thousand numbers at a time. */
  readonly batched_lookups_per_s?: number;
  readonly skipped?: string;
}

/** A V8 Set holds at most 2^24 entries. */
const SET_LIMIT = 2 ** 24 - 1;
const LOOKUPS = 1_000_000;
const here = fileURLToPath(import.meta.url);

const residentMb = (): number => Math.round(process.memoryUsage().rss / 1e6);
const seconds = (since: number): number => Math.round((performance.now() - since) / 10) / 100;

/** Writes the downloads and the lookup numbers; returns the folder. The store, SQLite and Set benches read them. */
export async function prepareRegistryBench(numbers: number, seed: number): Promise<{ folder: string; files: readonly string[]; generateSeconds: number }> {
  const { generateDownloads } = await import('../src/registry-store/generate-downloads.js');
  const folder = mkdtempSync(join(tmpdir(), 'dialsim-registry-bench-'));
  const started = performance.now();
  const { files } = generateDownloads(join(folder, 'ftc'), { numbers, seed, date: '2026-11-30' });
  const generateSeconds = seconds(started);
  // Half listed numbers (a sample of the files' lines), half random NANP numbers (almost all unlisted).
  const random = seededRandom(seed + 1);
  const queries = new Float64Array(LOOKUPS);
  const listed: number[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    const lines = text.length / 12;
    const take = Math.max(1, Math.round((LOOKUPS / 2) * (lines / numbers)));
    for (let i = 0; i < take && lines > 0; i++) {
      const at = Math.floor(random() * lines) * 12;
      listed.push(Number(text.slice(at, at + 3) + text.slice(at + 4, at + 11)));
    }
  }
  for (let i = 0; i < LOOKUPS; i++) {
    queries[i] = i % 2 === 0 ? listed[Math.floor(random() * listed.length)]! : 2_002_000_000 + Math.floor(random() * 7_997_999_999);
  }
  writeFileSync(join(folder, 'queries.bin'), Buffer.from(queries.buffer));
  writeFileSync(join(folder, 'files.json'), JSON.stringify(files));
  return { folder, files, generateSeconds };
}

/** Runs one kind in a child process and returns its line. */
export function runRegistryChild(kind: 'store' | 'sqlite' | 'set', folder: string, numbers: number): RegistryBenchLine {
  const output = execFileSync(process.execPath, ['--max-old-space-size=16000', here, kind, folder, String(numbers)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').at(-1)!) as RegistryBenchLine;
}

export function cleanUpRegistryBench(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

function queriesOf(folder: string): Float64Array {
  const bytes = readFileSync(join(folder, 'queries.bin'));
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
}

function lookupRate(queries: readonly string[] | Float64Array, has: (query: never) => boolean): number {
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let hits = 0;
    for (let i = 0; i < queries.length; i++) if (has(queries[i] as never)) hits++;
    const rate = queries.length / ((performance.now() - started) / 1000);
    if (hits === 0) throw new Error('no lookup hit: the queries do not match the registry');
    best = Math.max(best, rate);
  }
  return Math.round(best);
}

async function storeChild(folder: string): Promise<RegistryBenchLine> {
  const path = join(folder, 'registry.dnc');
  // The import runs in a child of its own, so that this process's memory is the open store's alone.
  const importSeconds = Number(execFileSync(process.execPath, ['--max-old-space-size=16000', here, 'store-import', folder], { encoding: 'utf8' }).trim());
  const started = performance.now();
  const store = RegistryStore.open(path);
  const openSeconds = seconds(started);
  const resident = residentMb();
  const queries = Array.from(queriesOf(folder), (number) => `+1${number}`);
  return {
    bench: 'registry-store',
    numbers: store.size,
    resident_mb: resident,
    file_mb: Math.round(statSync(path).size / 1e5) / 10,
    import_s: importSeconds,
    open_s: openSeconds,
    lookups_per_s: lookupRate(queries, (e164: string) => store.has(e164)),
    batched_lookups_per_s: batchedLookupRate(queriesOf(folder), store),
  };
}

/** The best of three rounds of `hasEach` over the queries in slices of a thousand, as a scrub's batch would give them. */
function batchedLookupRate(queries: Float64Array, store: RegistryStore): number {
  const slice = 1000;
  const listed = new Uint8Array(slice);
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let hits = 0;
    for (let first = 0; first < queries.length; first += slice) {
      const numbers = queries.subarray(first, first + slice);
      store.hasEach(numbers, listed);
      for (let i = 0; i < numbers.length; i++) hits += listed[i]!;
    }
    const rate = queries.length / ((performance.now() - started) / 1000);
    if (hits === 0) throw new Error('no batched lookup hit: the queries do not match the registry');
    best = Math.max(best, rate);
  }
  return Math.round(best);
}

async function storeImportChild(folder: string): Promise<number> {
  const { importDownloads } = await import('../src/registry-store/import-downloads.js');
  const { writeStoreAtomically } = await import('../src/registry-store/write-store.js');
  const files = JSON.parse(readFileSync(join(folder, 'files.json'), 'utf8')) as string[];
  const started = performance.now();
  const { bytes } = await importDownloads(files, { createdBy: 'dialsim bench' });
  writeStoreAtomically(join(folder, 'registry.dnc'), bytes);
  return seconds(started);
}

type SqliteDatabase = {
  exec(sql: string): void;
  prepare(sql: string): { run(...values: unknown[]): unknown; get(...values: unknown[]): unknown; pluck(): { get(...values: unknown[]): unknown } };
  transaction<T extends (...args: never[]) => unknown>(fn: T): T;
  close(): void;
};

function loadSqlite(): (new (path: string, options?: object) => SqliteDatabase) | undefined {
  try {
    return createRequire(join(here, '..', '..', '..', 'bench', 'sqlite', 'package.json'))('better-sqlite3') as new (path: string) => SqliteDatabase;
  } catch {
    return undefined;
  }
}

function sqliteChild(folder: string, numbers: number): RegistryBenchLine {
  const Database = loadSqlite();
  if (Database === undefined) {
    return { bench: 'registry-sqlite', numbers, resident_mb: 0, file_mb: null, import_s: 0, open_s: null, lookups_per_s: 0, skipped: 'better-sqlite3 is not installed: run `npm run bench:setup` first' };
  }
  const path = join(folder, 'registry.sqlite');
  const files = JSON.parse(readFileSync(join(folder, 'files.json'), 'utf8')) as string[];
  const started = performance.now();
  const build = new Database(path);
  build.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; CREATE TABLE dnc (number INTEGER PRIMARY KEY) WITHOUT ROWID;');
  const insert = build.prepare('INSERT OR IGNORE INTO dnc (number) VALUES (?)');
  const insertFile = build.transaction((text: string) => {
    for (let at = 0; at + 12 <= text.length; at += 12) insert.run(Number(text.slice(at, at + 3) + text.slice(at + 4, at + 11)));
  });
  for (const file of files) insertFile(readFileSync(file, 'latin1'));
  build.close();
  const importSeconds = seconds(started);
  const opened = performance.now();
  const db = new Database(path, { readonly: true });
  const lookup = db.prepare('SELECT 1 FROM dnc WHERE number = ?').pluck();
  lookup.get(0);
  const openSeconds = seconds(opened);
  const queries = queriesOf(folder);
  const rate = lookupRate(queries, (number: number) => lookup.get(number) !== undefined);
  // SQLite pages the table in as lookups touch it: its memory is measured after them.
  return { bench: 'registry-sqlite', numbers, resident_mb: residentMb(), file_mb: Math.round(statSync(path).size / 1e5) / 10, import_s: importSeconds, open_s: openSeconds, lookups_per_s: rate };
}

function setChild(folder: string, numbers: number): RegistryBenchLine {
  const files = JSON.parse(readFileSync(join(folder, 'files.json'), 'utf8')) as string[];
  const limit = Math.min(numbers, SET_LIMIT);
  const started = performance.now();
  const set = new Set<string>();
  outer: for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (let at = 0; at + 12 <= text.length; at += 12) {
      if (set.size >= limit) break outer;
      set.add(`+1${text.slice(at, at + 3)}${text.slice(at + 4, at + 11)}`);
    }
  }
  const buildSeconds = seconds(started);
  const resident = residentMb();
  const queries = Array.from(queriesOf(folder), (number) => `+1${number}`);
  return { bench: 'registry-set', numbers: set.size, resident_mb: resident, file_mb: null, import_s: buildSeconds, open_s: null, lookups_per_s: lookupRate(queries, (e164: string) => set.has(e164)) };
}

// As a child process: `node registry-bench.js KIND FOLDER NUMBERS` prints the kind's line.
if (process.argv[1] === here) {
  const [kind, folder, numbers] = process.argv.slice(2) as [string, string, string];
  if (kind === 'store-import') process.stdout.write(`${await storeImportChild(folder)}\n`);
  else {
    const line = kind === 'store' ? await storeChild(folder) : kind === 'sqlite' ? sqliteChild(folder, Number(numbers)) : setChild(folder, Number(numbers));
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}
