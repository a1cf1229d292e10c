import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependencyPackage } from '../core/package-directory.js';

/** Which file a worker thread starts from: its script's bundle when that is current, the module files otherwise. */

/**
 * The worker scripts, by their path under dist/ without the extension: the build bundles each into one file
 * beside it (scripts/bundle-worker-scripts.ts).
 */
export const WORKER_SCRIPTS = ['src/cli/check-worker', 'src/scrub/scrub-worker'] as const;

/** What the bundle of worker script `name.js` is called, beside it. */
export const bundledScriptName = (name: string): string => `${name}.bundle.js`;

/**
 * The compiled worker script `name` beside the module at `moduleUrl`, or undefined when dialsim runs from its
 * TypeScript sources (under vitest): Node cannot start a worker from a `.ts` file by itself, and screening in
 * the calling thread gives the same output.
 *
 * `bundled` asks for the script's bundle, the same modules in one file: a worker loads it in about half the time
 * of some 400 module files (resolved, read and compiled one by one), and a worker is idle until it has. A worker
 * that loads `--policy` modules runs the files instead: those modules import dialsim's own, which a bundle would
 * load a second time, as other instances. So do a build without bundles (`tsc` alone) and a bundle made from other
 * files than those there now (`bundleIsCurrent`).
 */
export function compiledWorkerScript(moduleUrl: string, name: string, { bundled }: { readonly bundled: boolean }): URL | undefined {
  if (!moduleUrl.endsWith('.js')) return undefined;
  const bundle = new URL(`./${bundledScriptName(name)}`, moduleUrl);
  if (bundled && bundleIsCurrent(fileURLToPath(bundle))) return bundle;
  return new URL(`./${name}.js`, moduleUrl);
}

/**
 * One file a bundle was made from, as the build found it: where it is, its size, mtime and the SHA-256 of its content.
 * A dependency's file is named by its package (and `from`, the package it is nested under, if it is), and its path in
 * the package's folder, which an installed copy of dialsim finds elsewhere than the checkout that built it (npm
 * hoists dependencies beside dialsim); dialsim's own, and a file nested deeper, by its path relative to the bundle's
 * folder.
 */
export interface BundleInput {
  readonly package?: string;
  readonly from?: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

/** What the build writes beside a bundle: every file it was made from, dialsim's and its dependencies'. */
export interface BundleInputs {
  readonly inputs: readonly BundleInput[];
}

/** The file beside a bundle that lists its inputs. */
export const bundleInputsPath = (bundle: string): string => `${bundle}.inputs.json`;

/** A file as the build records it in a bundle's inputs; `path` is relative to `folder`, the bundle's. */
export function bundleInput(folder: string, path: string): BundleInput {
  const file = join(folder, path);
  const { size, mtimeMs } = statSync(file);
  const found = { size, mtimeMs, sha256: contentHash(file, { size, mtimeMs }) };
  // The path from the bundle's folder, not the whole one: the checkout itself may sit in a folder named node_modules.
  const inDependency = dependencyFile(path);
  return inDependency === undefined ? { path, ...found } : { ...inDependency, ...found };
}

/**
 * The package, the one it is nested under if any, and the path inside its folder of a file under node_modules (its
 * path relative to the bundle's folder given); undefined for dialsim's own, or one nested under more than one package.
 */
function dependencyFile(relativePath: string): { readonly package: string; readonly from?: string; readonly path: string } | undefined {
  const parts = relativePath.split(sep);
  const packages: { name: string; end: number }[] = [];
  for (let at = parts.indexOf('node_modules'); at !== -1 && at + 1 < parts.length; at = parts.indexOf('node_modules', at + 1)) {
    const scoped = parts[at + 1]!.startsWith('@');
    packages.push({ name: scoped ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1]!, end: at + (scoped ? 3 : 2) });
  }
  const innermost = packages.at(-1);
  if (innermost === undefined || packages.length > 2 || innermost.end >= parts.length) return undefined;
  const path = parts.slice(innermost.end).join('/');
  return packages.length === 1 ? { package: innermost.name, path } : { package: innermost.name, from: packages[0]!.name, path };
}

/** Where a listed input is now: a dependency's file in the folder dialsim resolves that package to. */
function inputFile(folder: string, input: BundleInput): string {
  return input.package === undefined ? join(folder, input.path) : join(dependencyPackage(input.package, input.from).directory, input.path);
}

/** Files hashed so far, by path, size and mtime: the bundles share most of their inputs. */
const contentHashes = new Map<string, string>();

function contentHash(file: string, { size, mtimeMs }: { readonly size: number; readonly mtimeMs: number } = statSync(file)): string {
  const key = `${file}:${size}:${mtimeMs}`;
  let hash = contentHashes.get(key);
  if (hash === undefined) contentHashes.set(key, (hash = createHash('sha256').update(readFileSync(file)).digest('hex')));
  return hash;
}

const currentBundles = new Map<string, boolean>();

/**
 * Whether the bundle at `bundle` was made from the files that are there now: each input the build listed is at its
 * place with the size and content it had. Anything else (a file rebuilt by `tsc` alone, a dependency upgraded in place
 * or installed anew, a list missing or unreadable) would have the workers screen with other code than the calling
 * thread, so the module files are used instead. A file with the mtime the build found is taken to be unchanged, as
 * in the checkout that built it; one with another (every file of an installed copy, which npm writes anew) is read
 * and hashed. Asked once per bundle and process: some 360 `stat`s, a few milliseconds, and in an installed copy about
 * 2 MB hashed.
 */
export function bundleIsCurrent(bundle: string): boolean {
  let current = currentBundles.get(bundle);
  if (current === undefined) currentBundles.set(bundle, (current = inputsUnchanged(bundle)));
  return current;
}

function inputsUnchanged(bundle: string): boolean {
  try {
    statSync(bundle);
    const { inputs } = JSON.parse(readFileSync(bundleInputsPath(bundle), 'utf8')) as BundleInputs;
    if (!Array.isArray(inputs) || inputs.length === 0) return false;
    const folder = dirname(bundle);
    return inputs.every((input) => {
      const file = inputFile(folder, input);
      const { size, mtimeMs } = statSync(file);
      if (size !== input.size) return false;
      return mtimeMs === input.mtimeMs || (typeof input.sha256 === 'string' && contentHash(file, { size, mtimeMs }) === input.sha256);
    });
  } catch {
    return false;
  }
}
