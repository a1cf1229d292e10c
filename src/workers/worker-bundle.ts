import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What the build writes beside a worker script's bundle: the files it was made from, relative to the bundle's folder. */
export interface BundleInputs {
  readonly inputs: readonly string[];
}

/** The file beside a bundle that lists its inputs. */
export const bundleInputsPath = (bundle: string): string => `${bundle}.inputs.json`;

const currentBundles = new Map<string, boolean>();

/**
 * Whether the bundle at `bundle` is at least as new as every file it was made from. A bundle older than one of
 * them (the sources rebuilt by `tsc` alone, a dependency upgraded in place) would have the workers screen with
 * other code than the calling thread, and their answers differ; then the workers start from the files instead.
 * Anything unreadable (no list, a file moved) counts as not current. Asked once per bundle and process: some 400
 * `stat`s, a few milliseconds.
 */
export function bundleIsCurrent(bundle: string): boolean {
  let current = currentBundles.get(bundle);
  if (current === undefined) currentBundles.set(bundle, (current = inputsAreOlder(bundle)));
  return current;
}

function inputsAreOlder(bundle: string): boolean {
  try {
    const builtAt = statSync(bundle).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(bundleInputsPath(bundle), 'utf8')) as BundleInputs;
    if (!Array.isArray(inputs) || inputs.length === 0) return false;
    const folder = dirname(bundle);
    return inputs.every((input) => statSync(join(folder, input)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}
