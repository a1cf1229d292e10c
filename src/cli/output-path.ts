import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Why a command could not write a file at `path`, or undefined when it can: the folder is missing, the path is a
 * folder, or writing is not permitted. Checked before a command starts its work, so a typo in `--report` costs
 * nothing; nothing is created by the check.
 */
export function outputPathProblem(path: string): string | undefined {
  const folder = dirname(path);
  let folderStats;
  try {
    folderStats = statSync(folder);
  } catch {
    return `the folder ${folder} does not exist`;
  }
  if (!folderStats.isDirectory()) return `${folder} is not a folder`;
  let stats;
  try {
    stats = statSync(path);
  } catch {
    // A new file: the folder must let us create it.
    return writable(folder) ? undefined : `no permission to create files in ${folder}`;
  }
  if (stats.isDirectory()) return 'it is a folder, not a file';
  return writable(path) ? undefined : 'no permission to write it';
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
