import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fileVersion, versionOf } from './file-version.js';

/**
 * Registry store files read ahead in a thread of their own, while the calling thread loads the command's code: a
 * full-scale store is 163 MB, which takes about 120 ms to read and checksum, and the scrub command's code about
 * 100 ms to load; done one after the other, a 10-row scrub took 0.28 s. `RegistryStore.open` takes the bytes read
 * ahead (`takePrefetchedStoreFile`) and reads the file itself when there are none, so a read ahead that is never
 * used, fails or stalls changes nothing but the time. Its thread reads the file as `open` does
 * (store-file-reader.ts) into memory made here, and reports through a small shared status, which `open` waits on.
 *
 * Held outside the scrub command's bundle (SCRUB_BUNDLE.shared), so that runCli, which starts the reads before the
 * command's code loads, and the bundle's `open`, which takes them, share one table of reads ahead.
 */

/** Smaller stores are read faster than a thread starts. */
export const MIN_PREFETCH_BYTES = 16 << 20;
/**
 * A reader that has not moved for this long is given up on, and the file read again: it hangs, or could not start
 * (its thread's error is an event, which cannot be heard while `take` blocks this thread waiting for it).
 */
const STALL_MS = 2_000;

export interface PrefetchOptions {
  /** Files smaller than this are left to `open`: MIN_PREFETCH_BYTES, less in tests. */
  readonly minBytes?: number;
  /** The reader thread's script: store-file-reader.js, another in tests. */
  readonly reader?: URL;
  /** How long a reader may not move before it is given up on: STALL_MS, less in tests. */
  readonly stallMs?: number;
}

/** The status fields the reader thread writes: where it is, and the checksum it took. */
export const READER_STATE = 0;
export const READER_CHECKSUM = 1;
/** Chunks read so far: how `take` tells a slow reader from a stalled one. */
export const READER_PROGRESS = 2;
const STATUS_FIELDS = 3;
export const READING = 0;
export const READ_DONE = 1;
export const READ_FAILED = 2;

/** What the reader thread is given: the file, the memory to read it into, and its status. */
export interface StoreFileReading {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly status: Int32Array;
}

interface Prefetch extends StoreFileReading {
  /** The file's version when the read was started: a file changed since is read again. */
  readonly version: string;
  readonly worker: Worker;
  readonly stallMs: number;
}

const prefetches = new Map<string, Prefetch>();
/** The version of each store file open in this process (openStore keeps them): not read ahead again. */
const openVersions = new Map<string, string>();

/** The reader thread's script, compiled: none when dialsim runs from its TypeScript sources (vitest). */
function readerScript(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const script = new URL('./store-file-reader.js', import.meta.url);
  return existsSync(fileURLToPath(script)) ? script : undefined;
}

/**
 * Starts reading the registry store at `path` ahead, when it is large enough to gain from it and not open already.
 * Never throws: a file that cannot be read is left to `RegistryStore.open`, which says what is wrong with it.
 */
export function prefetchStoreFile(path: string, { minBytes = MIN_PREFETCH_BYTES, reader = readerScript(), stallMs = STALL_MS }: PrefetchOptions = {}): void {
  const absolute = resolve(path);
  if (prefetches.has(absolute) || reader === undefined) return;
  try {
    const stats = statSync(absolute);
    const version = versionOf(stats);
    if (!stats.isFile() || stats.size < minBytes || openVersions.get(absolute) === version) return;
    const bytes = new Uint8Array(new SharedArrayBuffer(stats.size));
    const status = new Int32Array(new SharedArrayBuffer(STATUS_FIELDS * Int32Array.BYTES_PER_ELEMENT));
    const worker = new Worker(reader, { workerData: { path: absolute, bytes, status } satisfies StoreFileReading });
    // Not a reason to keep the process alive; an error heard before `take` waits is a read that failed.
    worker.unref();
    worker.on('error', () => {
      Atomics.store(status, READER_STATE, READ_FAILED);
      Atomics.notify(status, READER_STATE);
    });
    prefetches.set(absolute, { path: absolute, bytes, status, version, worker, stallMs });
  } catch {
    // Out of memory or threads: the file is read as usual.
  }
}

/**
 * The store at `path` as read ahead, with the checksum its reader took, waiting for the reader to finish; undefined
 * when none was started, or it failed, stalled, or the file changed since (the caller then reads the file itself).
 */
export function takePrefetchedStoreFile(path: string): { readonly bytes: Uint8Array; readonly checksum: number } | undefined {
  const absolute = resolve(path);
  const prefetch = prefetches.get(absolute);
  if (prefetch === undefined) return undefined;
  prefetches.delete(absolute);
  const { status, bytes } = prefetch;
  if (!finished(status, prefetch.stallMs) || Atomics.load(status, READER_STATE) !== READ_DONE || fileVersion(absolute) !== prefetch.version) {
    void prefetch.worker.terminate();
    return undefined;
  }
  return { bytes, checksum: Atomics.load(status, READER_CHECKSUM) >>> 0 };
}

/**
 * Records that the store at `path` is open at `version` (openStore's cache), and gives up its read ahead, if any,
 * without waiting for it: a later command in the same process (a test suite, a server) neither reads it again nor
 * keeps a second copy of it in memory.
 */
export function storeFileOpened(path: string, version: string): void {
  const absolute = resolve(path);
  openVersions.set(absolute, version);
  const prefetch = prefetches.get(absolute);
  if (prefetch === undefined) return;
  prefetches.delete(absolute);
  void prefetch.worker.terminate();
}

/** Gives up every read ahead not taken, once a command has ended: one that stopped before opening its stores. */
export function discardPrefetchedStoreFiles(): void {
  for (const prefetch of prefetches.values()) void prefetch.worker.terminate();
  prefetches.clear();
}

/** Waits for the reader to finish; false when it has not moved for `stallMs`. */
function finished(status: Int32Array, stallMs: number): boolean {
  let progress = Atomics.load(status, READER_PROGRESS);
  let movedAt = performance.now();
  while (Atomics.load(status, READER_STATE) === READING) {
    Atomics.wait(status, READER_STATE, READING, Math.min(100, stallMs));
    const now = Atomics.load(status, READER_PROGRESS);
    if (now !== progress) {
      progress = now;
      movedAt = performance.now();
    } else if (performance.now() - movedAt > stallMs) {
      return false;
    }
  }
  return true;
}
