import { parseArgs, type ParseArgsConfig } from 'node:util';
import { write, type CliIo, type ExitCode } from './io.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
type WithHelp<O extends OptionsConfig> = { args: string[]; allowPositionals: true; options: O & typeof HELP };

/**
 * Parses a command's arguments the same way for every command: `-h`/`--help` prints the help (exit 0), an unknown
 * or malformed option prints the reason and the help (exit 2). Returns the parsed values, or the exit code when
 * the command is already done.
 */
export async function parseCommandArgs<const O extends OptionsConfig>(
  command: { readonly name: string; readonly help: string },
  argv: readonly string[],
  io: CliIo,
  options: O,
): Promise<ReturnType<typeof parseArgs<WithHelp<O>>> | ExitCode> {
  let parsed;
  try {
    parsed = parseArgs<WithHelp<O>>({ args: [...argv], allowPositionals: true, options: { ...options, ...HELP } });
  } catch (error) {
    await write(io.stderr, `dialsim ${command.name}: ${(error as Error).message}\n\n${command.help}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    await write(io.stdout, command.help);
    return 0;
  }
  return parsed;
}

/** Prints an input problem as the command's own lines (`dialsim run: ...`) and returns exit code 2. */
export async function failWithUsage(io: CliIo, commandName: string, message: string): Promise<2> {
  await write(io.stderr, message.split('\n').map((line) => `dialsim ${commandName}: ${line}\n`).join(''));
  return 2;
}
