import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { SCRUB_BUNDLE } from '../src/cli/commands/scrub.js';
import { bundledScriptName, WORKER_SCRIPTS } from '../src/workers/worker-pool.js';
import { repositoryRoot, runIfMain } from './script-support.js';

/**
 * Bundles each compiled worker script (dist/src/cli/check-worker.js, dist/src/scrub/scrub-worker.js) with every
 * module it imports, dependencies included, into one file beside it: `npm run build` runs this after tsc. Worker
 * threads start from the bundle unless they load `--policy` modules (compiledWorkerScript says why). So is the scrub
 * command's code, which `dialsim scrub` loads in the calling thread (SCRUB_BUNDLE in src/cli/commands/scrub.ts).
 */

/**
 * Some dependencies are CommonJS and call `require` when they run: a bundle in ES module form has no `require` of
 * its own, so it is given the one Node makes for the bundle's own location.
 */
const REQUIRE_FOR_COMMONJS = "import { createRequire as createBundleRequire } from 'node:module';\nconst require = createBundleRequire(import.meta.url);";

export function bundleWorkerScripts(root: string): string[] {
  const bundles = [
    ...WORKER_SCRIPTS.map((script) => ({ entry: script, outfile: bundledScriptName(script), shared: [] as readonly string[] })),
    { entry: SCRUB_BUNDLE.entry, outfile: SCRUB_BUNDLE.bundle, shared: SCRUB_BUNDLE.shared },
  ];
  const written: string[] = [];
  for (const { entry: script, outfile: bundle, shared } of bundles) {
    const entry = join(root, 'dist', `${script}.js`);
    const outfile = join(root, 'dist', bundle);
    buildSync({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      banner: { js: REQUIRE_FOR_COMMONJS },
      // Modules the bundle imports from dist/ rather than holding a copy of: esbuild writes the import of an
      // external file relative to the bundle.
      external: shared.map((module) => join(root, 'dist', `${module}.js`)),
      // Less to parse at each worker's start (names are kept, so a stack still reads as the sources' functions)...
      minifyWhitespace: true,
      minifySyntax: true,
      // ...and a worker's crash is reported with its stack, which the map leads back to the TypeScript sources.
      sourcemap: true,
      logLevel: 'warning',
    });
    written.push(outfile);
  }
  return written;
}

runIfMain(import.meta.url, () => {
  bundleWorkerScripts(repositoryRoot(import.meta.url));
  return 0;
});
