import { closeSync, openSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { readChecksummed } from './store-checksum.js';
import { READ_DONE, READ_FAILED, READER_CHECKSUM, READER_PROGRESS, READER_STATE, type StoreFileReading } from './store-file-prefetch.js';

/**
 * The thread that reads a registry store ahead (store-file-prefetch.ts): the file into the memory it is given, as
 * RegistryStore.open reads it (`readChecksummed`). Any failure is only reported: the
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
  const checksum = readChecksummed(fd, bytes, () => Atomics.add(status, READER_PROGRESS, 1));
  if (checksum === undefined) finish(READ_FAILED);
  else {
    Atomics.store(status, READER_CHECKSUM, checksum.value | 0);
    finish(READ_DONE);
  }
} catch {
  finish(READ_FAILED);
} finally {
  if (fd !== undefined) closeSync(fd);
}
