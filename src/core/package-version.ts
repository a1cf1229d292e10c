import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Versions for the audit header, the store's "written by" and `--version`: dialsim's own and its data packages',
 * each read once from the package.json above the module (some packages do not export theirs).
 */

let ownVersion: string | undefined;

/** dialsim's version: the package.json above this module, in the source tree and in the build alike. */
export function packageVersion(): string {
  return (ownVersion ??= versionAbove(dirname(fileURLToPath(import.meta.url)), 'dialsim'));
}

const require = createRequire(import.meta.url);

/** An installed dependency's version: its entry point resolved, then the package.json above it. */
export function dependencyVersion(name: string): string {
  return versionAbove(dirname(require.resolve(name)), name);
}

function versionAbove(start: string, name: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here: keep climbing.
    }
    if (dirname(folder) === folder) throw new Error(`no package.json for ${name} above ${start}; this should not happen`);
  }
}
