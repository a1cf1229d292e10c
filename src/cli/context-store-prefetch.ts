import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { prefetchStoreFile, type PrefetchOptions } from '../registry-store/store-file-prefetch.js';

/**
 * Starts reading ahead the registry stores the `--context` file in `argv` names (national and state lists), before
 * the command has loaded its code or parsed its arguments (store-file-prefetch.ts says why). A guess from the
 * arguments as given: anything it cannot read or does not understand is left alone, for the command to report.
 */
export function prefetchContextStores(argv: readonly string[], options: PrefetchOptions = {}): void {
  const context = optionValue(argv, '--context');
  if (context === undefined) return;
  let registries: unknown;
  try {
    // Only a regular file: a pipe (`--context <(...)`) read here would be empty when the command reads it.
    if (!statSync(context).isFile()) return;
    registries = (JSON.parse(readFileSync(context, 'utf8')) as { registries?: unknown } | null)?.registries;
  } catch {
    return;
  }
  if (typeof registries !== 'object' || registries === null) return;
  const { national, states } = registries as { national?: unknown; states?: unknown };
  const copies = [national, ...(typeof states === 'object' && states !== null ? Object.values(states) : [])];
  for (const copy of copies) {
    const store = (copy as { store?: unknown } | null | undefined)?.store;
    // Relative to the context file, as loadCheckContext reads it.
    if (typeof store === 'string' && store !== '') prefetchStoreFile(resolve(dirname(context), store), options);
  }
}

/** The value of `--name VALUE` or `--name=VALUE` before any `--`: the last given, as the command's parser takes it. */
function optionValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') break;
    if (arg === name) value = argv[++index];
    else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
  }
  return value;
}
