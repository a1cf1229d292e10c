/**
 * Scratch folders for a test file, removed when the file's tests are done: a test suite that leaves a folder per
 * test behind fills a developer's /tmp with thousands of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, named `dialsim-<purpose>-XXXXXX`. */
export function scratchDir(purpose: string): string {
  const dir = mkdtempSync(join(tmpdir(), `dialsim-${purpose}-`));
  made.push(dir);
  return dir;
}
