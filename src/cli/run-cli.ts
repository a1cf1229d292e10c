import { packageVersion } from '../core/package-version.js';
import { checkCommand } from './commands/check.js';
import { registryCommand } from './commands/registry.js';
import { rulesCommand } from './commands/rules.js';
import { runCommand } from './commands/run.js';
import { scrubCommand } from './commands/scrub.js';
import { trainCommand } from './commands/train.js';
import { walkthroughCommand } from './commands/walkthrough.js';
import { OutputClosedError, write, type CliIo, type CommandDefinition, type ExitCode } from './io.js';

const COMMANDS: readonly CommandDefinition[] = [runCommand, checkCommand, scrubCommand, trainCommand, walkthroughCommand, rulesCommand, registryCommand];


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
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    await write(io.stderr, `dialsim: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof OutputClosedError) throw error;
    await write(
      io.stderr,
      `dialsim ${name}: internal error, this should not happen. Please report it with the command and input.\n` +
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 2;
  }
}
