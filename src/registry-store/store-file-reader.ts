import { closeSync, openSync, readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { READ_CHUNK_BYTES, StoreChecksum } from './store-checksum.js';
import { READ_DONE, READ_FAILED, READER_CHECKSUM, READER_PROGRESS, READER_STATE, type StoreFileReading } from './store-file-prefetch.js';

/**
 * The thread that reads a registry store ahead (store-file-prefetch.ts): the file into the memory it is given, in
 * chunks, each checksummed while in the cache, as RegistryStore.open reads it. Any failure is only reported: the
 * calling thread then reads the file itself, and tells what is wrong with it.
 */

const { path, bytes, status } = workerData as StoreFileReading;

function finish(state: number): void {
  Atomics.store(status, READER_STATE, state);
  Atomics.notify(status, READER_STATE);
}

let fd: number | undefined;
try {
  fd = openSync(path, 'r');
  const checksum = new StoreChecksum();
  for (let read = 0; read < bytes.length; ) {
    const n = readSync(fd, bytes, read, Math.min(bytes.length - read, READ_CHUNK_BYTES), read);
    if (n === 0) throw new Error(`${path} ended while being read`);
    checksum.add(bytes, read, read + n);
    read += n;
    Atomics.add(status, READER_PROGRESS, 1);
  }
  Atomics.store(status, READER_CHECKSUM, checksum.value | 0);
  finish(READ_DONE);
} catch {
  finish(READ_FAILED);
} finally {
  if (fd !== undefined) closeSync(fd);
}
