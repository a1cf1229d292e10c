import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
 * load a second time, as other instances. So do a build without bundles (`tsc` alone) and a bundle older than one
 * of the files it was made from (`bundleIsCurrent`).
 */
export function compiledWorkerScript(moduleUrl: string, name: string, { bundled }: { readonly bundled: boolean }): URL | undefined {
  if (!moduleUrl.endsWith('.js')) return undefined;
  const bundle = new URL(`./${bundledScriptName(name)}`, moduleUrl);
  if (bundled && bundleIsCurrent(fileURLToPath(bundle))) return bundle;
  return new URL(`./${name}.js`, moduleUrl);
}

/** One file a bundle was made from, as the build found it: its path relative to the bundle's folder, size and mtime. */
export interface BundleInput {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** What the build writes beside a bundle: every file it was made from, dialsim's and its dependencies'. */
export interface BundleInputs {
  readonly inputs: readonly BundleInput[];
}

/** The file beside a bundle that lists its inputs. */
export const bundleInputsPath = (bundle: string): string => `${bundle}.inputs.json`;

/** A file as the build records it in a bundle's inputs. */
export function bundleInput(folder: string, path: string): BundleInput {
  const { size, mtimeMs } = statSync(join(folder, path));
  return { path, size, mtimeMs };
}

const currentBundles = new Map<string, boolean>();

/**
 * Whether the bundle at `bundle` was made from the files that are there now: each input the build listed is at its
 * place with the size and mtime it had. Anything else (a file rebuilt by `tsc` alone, a dependency upgraded in place
 * or installed anew, a list missing or unreadable) would have the workers screen with other code than the calling
 * thread, so the module files are used instead. An installed copy of dialsim, whose files npm writes anew, runs
 * from the files too. Asked once per bundle and process: some 450 `stat`s, a few milliseconds.
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
      const now = bundleInput(folder, input.path);
      return now.size === input.size && now.mtimeMs === input.mtimeMs;
    });
  } catch {
    return false;
  }
}
