import { statSync, type Stats } from 'node:fs';

/** A file's identity for a cache of what was read from it: its inode, size and modification time. */
export function versionOf(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/** The file's version (versionOf); '' when it cannot be read. */
export function fileVersion(path: string): string {
  try {
    return versionOf(statSync(path));
  } catch {
    return '';
  }
}
