import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const IMPORT = /(?:^|\n)\s*(import|export)\s([^'"]*?)from\s*'([^']+)'|(?:^|\n)\s*import\s*'([^']+)'/g;

/**
 * Every module reached from `entry` (a path under `root`) by static imports that load code at run time: source
 * files by path, packages by name. `import type` and `export type` are skipped: they load nothing.
 */
export function reachable(root: string, entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(root, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (match[2]?.trimStart().startsWith('type ')) continue;
      const specifier = match[3] ?? match[4]!;
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
      else packages.add(specifier.startsWith('node:') ? specifier : specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return { files, packages };
}
