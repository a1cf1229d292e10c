import { fileURLToPath } from 'node:url';
import { bundleIsCurrent } from '../../workers/worker-scripts.js';
import type { CliIo, CommandDefinition, ExitCode } from '../io.js';
import { scrubMessages as messages } from './scrub-messages.js';

/**
 * The scrub command's bundle, by its path under dist/: scrub-run.js with every module it imports, dependencies
 * included, in one file (built by `npm run build`, scripts/bundle-worker-scripts.ts). It sits beside scrub-workers.js
 * and not beside its entry: a bundle's modules find files from the bundle's own URL, and scrub-workers finds the
 * worker script beside itself. io.js is left out of it (imported from dist/src/cli/), as run-cli tells a closed
 * output by io.js's own OutputClosedError class; so is store-file-prefetch.js, whose stores read ahead run-cli
 * starts and the bundle's RegistryStore.open takes.
 */
export const SCRUB_BUNDLE = { entry: 'src/cli/commands/scrub-run', bundle: 'src/scrub/scrub-command.bundle.js', shared: ['src/cli/io', 'src/registry-store/store-file-prefetch'] } as const;

export const scrubCommand: CommandDefinition = {
  name: 'scrub',
  summary: messages.summary,
  help: messages.help,
  async run(argv, io): Promise<ExitCode> {
    const { runScrub } = await loadScrubRun(argv);
    return runScrub(this, argv, io);
  },
};

type ScrubRun = typeof import('./scrub-run.js');

/**
 * The command's code: from the bundle when there is one, which loads in about half the time of its 500 module files
 * (resolved, read and compiled one by one, some 250 ms of a 300k-row scrub on one thread); from the files when
 * dialsim runs from its TypeScript sources, from a build without the bundle (`tsc` alone) or with one made from other
 * files than those there now (`bundleIsCurrent`), and whenever an argument may be `--policy`: a policy module imports
 * dialsim's own modules, which the bundle holds as other instances. Both are the same code, so anything that might be
 * `--policy` takes the files.
 */
async function loadScrubRun(argv: readonly string[]): Promise<ScrubRun> {
  const mayLoadPolicies = argv.some((arg) => arg.startsWith('--policy'));
  const bundle = new URL(`../../../${SCRUB_BUNDLE.bundle}`, import.meta.url);
  if (import.meta.url.endsWith('.js') && !mayLoadPolicies && bundleIsCurrent(fileURLToPath(bundle))) return (await import(bundle.href)) as ScrubRun;
  return import('./scrub-run.js');
}
