import { packageVersion } from '../core/package-version.js';
import { checkMessages } from './commands/check-messages.js';
import { registryMessages } from './commands/registry-messages.js';
import { rulesMessages } from './commands/rules-messages.js';
import { runMessages } from './commands/run-messages.js';
import { scrubMessages } from './commands/scrub-messages.js';
import { trainMessages } from './commands/train-messages.js';
import { walkthroughMessages } from './commands/walkthrough-messages.js';
import { prefetchContextStores } from './context-store-prefetch.js';
import { discardPrefetchedStoreFiles } from '../registry-store/store-file-prefetch.js';
import { OutputClosedError, write, type CliIo, type CommandDefinition, type ExitCode } from './io.js';

/** A command as the main help lists it, its code loaded only when it runs. */
interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /** Whether the command reads a `--context` file, whose registry stores are then read ahead while its code loads. */
  readonly readsContext?: true;
  load(): Promise<CommandDefinition>;
}

/**
 * The commands, each loaded when it is run: `dialsim check` need not load the simulator, the report or the trainer
 * (a few hundred milliseconds and tens of megabytes at every start, and again in the calling thread beside its
 * workers).
 */
const COMMANDS: readonly CommandEntry[] = [
  { name: 'run', summary: runMessages.summary, load: async () => (await import('./commands/run.js')).runCommand },
  { name: 'check', summary: checkMessages.summary, readsContext: true, load: async () => (await import('./commands/check.js')).checkCommand },
  { name: 'scrub', summary: scrubMessages.summary, readsContext: true, load: async () => (await import('./commands/scrub.js')).scrubCommand },
  { name: 'train', summary: trainMessages.summary, load: async () => (await import('./commands/train.js')).trainCommand },
  { name: 'walkthrough', summary: walkthroughMessages.summary, load: async () => (await import('./commands/walkthrough.js')).walkthroughCommand },
  { name: 'rules', summary: rulesMessages.summary, load: async () => (await import('./commands/rules.js')).rulesCommand },
  { name: 'registry', summary: registryMessages.summary, load: async () => (await import('./commands/registry.js')).registryCommand },
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `dialsim: a compliance-aware cold-calling dialer simulator

Usage: dialsim <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Options:
  -h, --help     Show this help (or a command's: dialsim check --help)
  -v, --version  Print the version

Docs: docs/cli.md (commands), docs/scenarios.md (scenario files), docs/rules.md (rule ids and citations).
`;
}

/**
 * Runs the CLI and returns the exit code; it never calls process.exit, so tests run it in-process.
 * Errors that are not the user's (bugs) are reported as such, with what is needed to report them. An output whose
 * reader went away ends the command quietly with exit 0.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    // The reader of the output has gone (`| head -1`): nothing is left to say and no one to say it to.
    if (error instanceof OutputClosedError) return 0;
    throw error;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    await write(io.stdout, mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    await write(io.stdout, `${packageVersion()}\n`);
    return 0;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    await write(io.stderr, `dialsim: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  if (entry.readsContext) prefetchContextStores(rest);
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof OutputClosedError) throw error;
    await write(
      io.stderr,
      `dialsim ${name}: internal error, this should not happen. Please report it with the command and input.\n` +
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 2;
  } finally {
    // A command that stopped before opening the stores read ahead for it (a usage error, --help) leaves none behind.
    discardPrefetchedStoreFiles();
  }
}
