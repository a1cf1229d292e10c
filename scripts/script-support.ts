import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root: the nearest directory above the calling module that holds a package.json, built or not. */
export function repositoryRoot(moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** Runs `main` when the module is executed directly (`node dist/scripts/x.js`), not when a test imports it. */
export function runIfMain(moduleUrl: string, main: () => number): void {
  if (process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href) process.exitCode = main();
}
