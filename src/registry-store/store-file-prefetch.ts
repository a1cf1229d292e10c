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
 * Held outside the scrub command's bundle (SCRUB_BUNDLE.shared), so that the command's definition, which starts the
 * read before the bundle loads, and the bundle's `open` share one table of reads ahead.
 */

/** Smaller stores are read faster than a thread starts. */
export const MIN_PREFETCH_BYTES = 16 << 20;

export interface PrefetchOptions {
  /** Files smaller than this are left to `open`: MIN_PREFETCH_BYTES, less in tests. */
  readonly minBytes?: number;
}
/** A reader that has not moved for this long is given up on, and the file read again: it could not start, or hangs. */
const STALL_MS = 2_000;

/** The status fields the reader thread writes: where it is, and the checksum it took. */
export const READER_STATE = 0;
export const READER_CHECKSUM = 1;
/** Bytes read so far, in READ_CHUNK_BYTES chunks: how `take` tells a slow reader from a stalled one. */
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
  /** The file's version when the read started: a file changed since is read again. */
  readonly version: string;
  readonly worker: Worker;
}

const prefetches = new Map<string, Prefetch>();

/** The reader thread's script, compiled: none when dialsim runs from its TypeScript sources (vitest). */
function readerScript(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const script = new URL('./store-file-reader.js', import.meta.url);
  return existsSync(fileURLToPath(script)) ? script : undefined;
}

/**
 * Starts reading the registry store at `path` ahead, when it is large enough to gain from it. Never throws: a file
 * that cannot be read is left to `RegistryStore.open`, which says what is wrong with it.
 */
export function prefetchStoreFile(path: string, { minBytes = MIN_PREFETCH_BYTES }: PrefetchOptions = {}): void {
  const absolute = resolve(path);
  if (prefetches.has(absolute)) return;
  const script = readerScript();
  if (script === undefined) return;
  try {
    const stats = statSync(absolute);
    if (!stats.isFile() || stats.size < minBytes) return;
    const bytes = new Uint8Array(new SharedArrayBuffer(stats.size));
    const status = new Int32Array(new SharedArrayBuffer(STATUS_FIELDS * Int32Array.BYTES_PER_ELEMENT));
    const worker = new Worker(script, { workerData: { path: absolute, bytes, status } satisfies StoreFileReading });
    // Not a reason to keep the process alive, and a thread that could not start is a read that failed.
    worker.unref();
    worker.on('error', () => {
      Atomics.store(status, READER_STATE, READ_FAILED);
      Atomics.notify(status, READER_STATE);
    });
    prefetches.set(absolute, { path: absolute, bytes, status, version: versionOf(stats), worker });
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
  if (!finished(status) || Atomics.load(status, READER_STATE) !== READ_DONE || fileVersion(absolute) !== prefetch.version) {
    void prefetch.worker.terminate();
    return undefined;
  }
  return { bytes, checksum: Atomics.load(status, READER_CHECKSUM) >>> 0 };
}

/**
 * Gives up the read ahead of `path`, if any, without waiting for it: for a store that is open already (openStore
 * keeps one per file), whose bytes would otherwise stay in memory for a take that never comes.
 */
export function discardPrefetchedStoreFile(path: string): void {
  const absolute = resolve(path);
  const prefetch = prefetches.get(absolute);
  if (prefetch === undefined) return;
  prefetches.delete(absolute);
  void prefetch.worker.terminate();
}

/** Waits for the reader to finish; false when it has stalled for STALL_MS. */
function finished(status: Int32Array): boolean {
  let progress = Atomics.load(status, READER_PROGRESS);
  let movedAt = performance.now();
  while (Atomics.load(status, READER_STATE) === READING) {
    Atomics.wait(status, READER_STATE, READING, 100);
    const now = Atomics.load(status, READER_PROGRESS);
    if (now !== progress) {
      progress = now;
      movedAt = performance.now();
    } else if (performance.now() - movedAt > STALL_MS) {
      return false;
    }
  }
  return true;
}
