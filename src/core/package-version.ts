import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependencyPackage, packageAbove } from './package-directory.js';

/**
 * Versions for the audit header, the store's "written by" and `--version`: dialsim's own and its data packages',
 * each read once from the package.json above the module (some packages do not export theirs).
 */

let ownVersion: string | undefined;

/** dialsim's version: the package.json above this module, in the source tree and in the build alike. */
export function packageVersion(): string {
  return (ownVersion ??= versionOf(packageAbove(dirname(fileURLToPath(import.meta.url)), 'dialsim').manifest, 'dialsim'));
}

/** An installed dependency's version: its entry point resolved, then the package.json above it. */
export function dependencyVersion(name: string): string {
  return versionOf(dependencyPackage(name).manifest, name);
}

function versionOf(manifest: { readonly version?: string }, name: string): string {
  if (typeof manifest.version !== 'string') throw new Error(`the package.json of ${name} has no version; this should not happen`);
  return manifest.version;
}
