import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a store beside its destination and renames it into place, so that an import that fails or is interrupted
 * leaves the old store as it was and never a half-written one.
 */
export function writeStoreAtomically(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, Math.min(bytes.length - written, 1 << 26));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
