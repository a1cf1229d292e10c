import { buildSync } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { SCRUB_BUNDLE } from '../src/cli/commands/scrub.js';
import { bundledScriptName, bundleInput, bundleInputsPath, WORKER_SCRIPTS, type BundleInputs } from '../src/workers/worker-scripts.js';
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
    const { metafile } = buildSync({
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
      // Less to parse at each worker's start. Identifiers are not minified, so functions and classes keep their
      // names except where two modules' top-level names collide (esbuild then suffixes one: `isObject5`,
      // `editDistance2`); the bundles' test holds dialsim's own classes to their names, which some messages show. Not
      // `keepNames`: it wraps every function made at run time in a call that redefines its name, closures made per
      // screened row included (about 10% of a full-scale scrub's time)...
      minifyWhitespace: true,
      minifySyntax: true,
      // ...and a worker's crash is reported with its stack, which the map leads back to the TypeScript sources.
      sourcemap: true,
      logLevel: 'warning',
      absWorkingDir: root,
      // The files it was made from, so that a bundle is used only with those very files (bundleIsCurrent).
      metafile: true,
    });
    const inputs = Object.keys(metafile.inputs).map((input) => bundleInput(dirname(outfile), relative(dirname(outfile), resolve(root, input))));
    writeFileSync(bundleInputsPath(outfile), `${JSON.stringify({ inputs } satisfies BundleInputs)}\n`);
    written.push(outfile);
  }
  return written;
}

runIfMain(import.meta.url, () => {
  bundleWorkerScripts(repositoryRoot(import.meta.url));
  return 0;
});
