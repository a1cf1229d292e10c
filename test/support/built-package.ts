import { statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCRUB_BUNDLE } from '../../src/cli/commands/scrub.js';
import { readSavedTables, SAVED_TABLES_FILE } from '../../src/core/saved-tables.js';
import { bundledScriptName, bundleIsCurrent, WORKER_SCRIPTS } from '../../src/workers/worker-scripts.js';
import { reachable } from './import-graph.js';

/** The checkout's root: `import 'dialsim'` from a project that installed this checkout reaches dist/ under it. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The entries of the package (package.json exports and bin) and the worker scripts (the store reader too): what a user's import or command can load. */
const ENTRIES = ['src/index.ts', 'src/testing/index.ts', 'src/testing/vitest.ts', 'src/cli/bin.ts', 'src/registry-store/store-file-reader.ts', ...WORKER_SCRIPTS.map((script) => `${script}.ts`)];

/**
 * Tests that use dialsim as a user does (through package.json exports, so through dist/) need a build no older
 * than the sources they load: CI builds it in `npm ci`; after editing src/, run `npm run build`. So does each
 * worker script's bundle, which the workers start from, and the scrub command's. Throws, naming the first stale
 * file, rather than let such a test pass or fail on yesterday's code.
 */
export function assertBuildIsFresh(): void {
  const sources = new Set(ENTRIES.flatMap((entry) => [...reachable(repoRoot, entry).files]));
  for (const source of sources) assertBuiltAfter(join(repoRoot, 'dist', relative(repoRoot, source)).replace(/\.ts$/, '.js'), source);
  // Each worker script's bundle, and the scrub command's, which `dialsim scrub` runs in the calling thread: newer
  // than its sources, and made from the very files in dist/ now, or the code would run from the files instead.
  const bundles = [...WORKER_SCRIPTS.map((script) => ({ entry: script, bundle: bundledScriptName(script) })), { entry: SCRUB_BUNDLE.entry, bundle: SCRUB_BUNDLE.bundle }];
  for (const { entry, bundle } of bundles) {
    const built = join(repoRoot, 'dist', bundle);
    for (const source of reachable(repoRoot, `${entry}.ts`).files) assertBuiltAfter(built, source);
    if (!bundleIsCurrent(built)) throw new Error(`dist/${bundle} was not made from the files now in dist/ (rebuilt by tsc alone?): run \`npm run build\``);
  }
  // The tables the build saves, worked out from the files in dist/ and node_modules/ now, or the built code works them out.
  if (readSavedTables(join(repoRoot, SAVED_TABLES_FILE)) === undefined) throw new Error(`${SAVED_TABLES_FILE} is missing or was saved from other files: run \`npm run build\``);
}

function assertBuiltAfter(built: string, source: string): void {
  let builtAt: number;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    throw new Error(`dist/ has no ${relative(repoRoot, built)}: run \`npm run build\` (CI builds it through npm ci)`);
  }
  if (statSync(source).mtimeMs > builtAt) {
    throw new Error(`${relative(repoRoot, built)} is older than ${relative(repoRoot, source)}: run \`npm run build\` (CI builds it through npm ci)`);
  }
}
