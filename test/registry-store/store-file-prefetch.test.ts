/**
 * Issue 14: a registry store named by `--context` is read ahead in a thread of its own while the command's code
 * loads, and `RegistryStore.open` takes those bytes; anything unusual (no read ahead, a changed file, a damaged one,
 * a missing one) ends as `open` without it would. The reader thread runs from dist/, so these tests load the built
 * modules: one instance of the table of reads ahead, as the CLI has.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { AreaCodeBitmaps } from '../../src/registry-store/area-code-bitmaps.js';
import { encodeRegistryStore } from '../../src/registry-store/registry-store.js';
import { storeChecksum } from '../../src/registry-store/store-checksum.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { scratchDir } from '../support/scratch-dir.js';

type Prefetch = typeof import('../../src/registry-store/store-file-prefetch.js');
type Store = typeof import('../../src/registry-store/registry-store.js');
type ContextPrefetch = typeof import('../../src/cli/context-store-prefetch.js');
type StoreCopy = typeof import('../../src/registry-store/store-copy.js');

const built = async <Module>(path: string): Promise<Module> => (await import(pathToFileURL(join(repoRoot, 'dist', path)).href)) as Module;

/** A store of `count` numbers in area codes 201 to 210, and one of its numbers. */
function storeBytes(count: number, seed: number): { bytes: Uint8Array; listed: number } {
  const random = seededRandom(seed);
  const bitmaps = new AreaCodeBitmaps();
  const coverage = new Map<number, { syncedAt: number; source: string }>();
  for (let areaCode = 201; areaCode <= 210; areaCode++) {
    bitmaps.cover(areaCode);
    coverage.set(areaCode, { syncedAt: Date.parse('2026-11-30T00:00:00Z'), source: 'test' });
  }
  let listed = 0;
  for (let index = 0; index < count; index++) {
    const areaCode = 201 + Math.floor(random() * 10);
    const line = 2_000_000 + Math.floor(random() * 8_000_000);
    bitmaps.add(areaCode, line);
    listed = areaCode * 10_000_000 + line;
  }
  return { bytes: encodeRegistryStore(bitmaps, coverage, 'test'), listed };
}

const e164 = (national: number): string => `+1${national}`;

describe('registry stores read ahead', () => {
  let prefetch: Prefetch;
  let store: Store;
  let contextPrefetch: ContextPrefetch;
  let storeCopy: StoreCopy;
  const dir = scratchDir('store-file-prefetch');
  // Over several of the reader's chunks.
  const { bytes, listed } = storeBytes(1_000_000, 7);

  beforeAll(async () => {
    assertBuildIsFresh();
    prefetch = await built<Prefetch>('src/registry-store/store-file-prefetch.js');
    store = await built<Store>('src/registry-store/registry-store.js');
    contextPrefetch = await built<ContextPrefetch>('src/cli/context-store-prefetch.js');
    storeCopy = await built<StoreCopy>('src/registry-store/store-copy.js');
  });

  it("reads the whole file in its own thread, with the file's checksum, once", () => {
    const path = join(dir, 'whole.dnc');
    writeFileSync(path, bytes);
    prefetch.prefetchStoreFile(path, { minBytes: 0 });
    const read = prefetch.takePrefetchedStoreFile(path);
    expect(read).toBeDefined();
    expect(Buffer.from(read!.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(read!.checksum).toBe(storeChecksum(bytes));
    expect(read!.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    // Taken: a second open reads the file itself.
    expect(prefetch.takePrefetchedStoreFile(path)).toBeUndefined();
  });

  it('is what RegistryStore.open opens, with the same numbers', () => {
    const path = join(dir, 'opened.dnc');
    writeFileSync(path, bytes);
    prefetch.prefetchStoreFile(path, { minBytes: 0 });
    const opened = store.RegistryStore.open(path);
    expect(prefetch.takePrefetchedStoreFile(path)).toBeUndefined();
    expect(opened.size).toBe(store.RegistryStore.fromBytes(bytes).size);
    expect(opened.has(e164(listed))).toBe(true);
  });

  it('is given up when the store is open already, so its bytes are not kept for a take that never comes', () => {
    const path = join(dir, 'opened-twice.dnc');
    writeFileSync(path, bytes);
    prefetch.prefetchStoreFile(path, { minBytes: 0 });
    const first = storeCopy.openStore(path);
    // A second command in the same process (a test suite, a server): its read ahead finds the store open.
    prefetch.prefetchStoreFile(path, { minBytes: 0 });
    expect(storeCopy.openStore(path)).toBe(first);
    expect(prefetch.takePrefetchedStoreFile(path)).toBeUndefined();
  });

  it('gives up a reader that does not move, or whose thread fails, after the stall time: open reads the file itself', () => {
    const path = join(dir, 'stalled.dnc');
    writeFileSync(path, bytes);
    const stalling = join(dir, 'stalling-reader.mjs');
    writeFileSync(stalling, 'setInterval(() => {}, 1000);\n');
    const failing = join(dir, 'failing-reader.mjs');
    writeFileSync(failing, "throw new Error('this reader cannot start');\n");
    for (const reader of [stalling, failing]) {
      prefetch.prefetchStoreFile(path, { minBytes: 0, reader: pathToFileURL(reader), stallMs: 300 });
      const started = performance.now();
      const opened = store.RegistryStore.open(path);
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(opened.has(e164(listed))).toBe(true);
    }
  });

  it('gives up every read ahead not taken once a command has ended', () => {
    const path = join(dir, 'untaken.dnc');
    writeFileSync(path, bytes);
    prefetch.prefetchStoreFile(path, { minBytes: 0 });
    prefetch.discardPrefetchedStoreFiles();
    expect(prefetch.takePrefetchedStoreFile(path)).toBeUndefined();
  });

  it('leaves a small file to open, which reads it faster than a thread starts', () => {
    const path = join(dir, 'small.dnc');
    writeFileSync(path, bytes);
    prefetch.prefetchStoreFile(path);
    expect(bytes.length).toBeLessThan(prefetch.MIN_PREFETCH_BYTES);
    expect(prefetch.takePrefetchedStoreFile(path)).toBeUndefined();
  });

  it('refuses a damaged file as open does without the read ahead', () => {
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 100]! ^= 0x10;
    const path = join(dir, 'damaged.dnc');
    writeFileSync(path, damaged);
    prefetch.prefetchStoreFile(path, { minBytes: 0 });
    expect(() => store.RegistryStore.open(path)).toThrow(/is damaged: its checksum does not match its contents/);
  });

  it('reads a file changed after its read ahead started again, and opens the new one', () => {
    const path = join(dir, 'changed.dnc');
    writeFileSync(path, bytes);
    prefetch.prefetchStoreFile(path, { minBytes: 0 });
    const other = storeBytes(50_000, 8);
    writeFileSync(path, other.bytes);
    // Even were the write to land within the same millisecond, the size differs.
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    expect(prefetch.takePrefetchedStoreFile(path)).toBeUndefined();
    prefetch.prefetchStoreFile(path, { minBytes: 0 });
    writeFileSync(path, other.bytes);
    utimesSync(path, new Date(), new Date(Date.now() + 10_000));
    const opened = store.RegistryStore.open(path);
    expect(opened.size).toBe(store.RegistryStore.fromBytes(other.bytes).size);
    expect(opened.has(e164(other.listed))).toBe(true);
  });

  it('leaves a missing file to open, which says so', () => {
    const path = join(dir, 'missing.dnc');
    rmSync(path, { force: true });
    expect(() => prefetch.prefetchStoreFile(path, { minBytes: 0 })).not.toThrow();
    expect(() => store.RegistryStore.open(path)).toThrow(/cannot open the registry store .*missing\.dnc/);
  });

  it("starts on the national and state stores a --context file names, relative to the file, in either spelling", () => {
    const national = join(dir, 'national.dnc');
    const florida = join(dir, 'florida.dnc');
    writeFileSync(national, bytes);
    writeFileSync(florida, bytes);
    const context = join(dir, 'context.json');
    writeFileSync(context, JSON.stringify({ registries: { national: { store: 'national.dnc' }, states: { FL: { store: 'florida.dnc' }, TX: { syncedAt: '2026-11-01', numbers: [] } } } }));
    contextPrefetch.prefetchContextStores(['leads.csv', '--seller', 'acme', '--context', context], { minBytes: 0 });
    expect(prefetch.takePrefetchedStoreFile(national)?.checksum).toBe(storeChecksum(bytes));
    expect(prefetch.takePrefetchedStoreFile(florida)?.checksum).toBe(storeChecksum(bytes));
    contextPrefetch.prefetchContextStores([`--context=${context}`], { minBytes: 0 });
    expect(prefetch.takePrefetchedStoreFile(national)).toBeDefined();
    expect(prefetch.takePrefetchedStoreFile(florida)).toBeDefined();
  });

  it('reads ahead for the last --context given, which the command uses', () => {
    const first = join(dir, 'first.dnc');
    const last = join(dir, 'last.dnc');
    writeFileSync(first, bytes);
    writeFileSync(last, bytes);
    writeFileSync(join(dir, 'first.json'), JSON.stringify({ registries: { national: { store: 'first.dnc' } } }));
    writeFileSync(join(dir, 'last.json'), JSON.stringify({ registries: { national: { store: 'last.dnc' } } }));
    contextPrefetch.prefetchContextStores(['--context', join(dir, 'first.json'), `--context=${join(dir, 'last.json')}`], { minBytes: 0 });
    expect(prefetch.takePrefetchedStoreFile(first)).toBeUndefined();
    expect(prefetch.takePrefetchedStoreFile(last)).toBeDefined();
  });

  it('leaves a --context that is not a regular file unread, for the command to read (a pipe read here would be empty)', () => {
    const fifo = join(dir, 'context.fifo');
    rmSync(fifo, { force: true });
    execFileSync('mkfifo', [fifo]);
    // Opening a pipe no one writes to would block: run in a process of its own, with a timeout.
    const script = `const m = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist/src/cli/context-store-prefetch.js')).href)}); m.prefetchContextStores(['--context', ${JSON.stringify(fifo)}], { minBytes: 0 }); console.log('returned');`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 10_000 }).trim()).toBe('returned');
  });

  it('does nothing for a context it cannot read or understand, nor for --context after --', () => {
    const national = join(dir, 'untouched.dnc');
    writeFileSync(national, bytes);
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{"registries": {"national": {"store": "untouched.dnc"}');
    const odd = join(dir, 'odd.json');
    writeFileSync(odd, JSON.stringify({ registries: { national: { store: 12 }, states: ['untouched.dnc'] } }));
    const fine = join(dir, 'fine.json');
    writeFileSync(fine, JSON.stringify({ registries: { national: { store: 'untouched.dnc' } } }));
    for (const argv of [['--context', notJson], ['--context', odd], ['--context', join(dir, 'none.json')], ['--context'], ['--', '--context', fine]]) {
      expect(() => contextPrefetch.prefetchContextStores(argv, { minBytes: 0 })).not.toThrow();
    }
    expect(prefetch.takePrefetchedStoreFile(national)).toBeUndefined();
    expect(readFileSync(fine, 'utf8')).toContain('untouched.dnc');
  });
});
