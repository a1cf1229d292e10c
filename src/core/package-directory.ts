import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where dialsim and its dependencies are installed: the folder whose package.json names the package, found by
 * climbing from a module inside it (some packages do not export their package.json, so it cannot be resolved).
 */

export interface PackageManifest {
  readonly name?: string;
  readonly version?: string;
}

const require = createRequire(import.meta.url);

/** dialsim's own folder, above this module: the repository in the source tree, the installed package in a build. */
export function ownPackageDirectory(): string {
  return packageAbove(dirname(fileURLToPath(import.meta.url)), 'dialsim').directory;
}

/**
 * An installed dependency's folder and manifest: its entry point resolved, then the package.json above it. `from`
 * names another dependency to resolve it from, for a dependency of that one which dialsim cannot resolve itself
 * (date-holidays' parser, under a package manager that does not hoist it).
 */
export function dependencyPackage(name: string, from?: string): { readonly directory: string; readonly manifest: PackageManifest } {
  // Kept: the saved tables' sources ask for the same few packages again and again at every start.
  const key = from === undefined ? name : `${from}>${name}`;
  let found = dependencies.get(key);
  if (found === undefined) {
    const resolveFrom = from === undefined ? require : createRequire(join(dependencyPackage(from).directory, 'package.json'));
    dependencies.set(key, (found = packageAbove(dirname(resolveFrom.resolve(name)), name)));
  }
  return found;
}

const dependencies = new Map<string, { readonly directory: string; readonly manifest: PackageManifest }>();

export function packageAbove(start: string, name: string): { readonly directory: string; readonly manifest: PackageManifest } {
  for (let folder = start; ; folder = dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as PackageManifest;
      if (manifest.name === name) return { directory: folder, manifest };
    } catch {
      // No package.json here: keep climbing.
    }
    if (dirname(folder) === folder) throw new Error(`no package.json for ${name} above ${start}; this should not happen`);
  }
}
