import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestKey } from '../core/input-error.js';
import { write, type CliIo, type ExitCode } from './io.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The wording shared by every command's argument errors. */
const messages = {
  unknownOption: (option: string, suggestion: string | undefined) =>
    `unknown option ${option}${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`,
} as const;

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
  const config: WithHelp<O> = { args: [...argv], allowPositionals: true, options: { ...options, ...HELP } };
  try {
    parsed = parseArgs<WithHelp<O>>(config);
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? unknownOptionMessage(config) : undefined;
    await write(io.stderr, `dialsim ${command.name}: ${message ?? (error as Error).message}\n\n${command.help}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    await write(io.stdout, command.help);
    return 0;
  }
  return parsed;
}

/**
 * `unknown option --reprot (did you mean --report?)`: Node's own text for this case ends in an unbalanced quote and
 * suggests nothing. The option is found again by a lenient parse, which keeps unknown options as tokens.
 */
function unknownOptionMessage(config: { args: string[]; options: OptionsConfig }): string | undefined {
  const { tokens } = parseArgs({ ...config, strict: false, allowPositionals: true, tokens: true });
  const unknown = tokens.find((token) => token.kind === 'option' && !Object.hasOwn(config.options, token.name));
  if (unknown === undefined || unknown.kind !== 'option') return undefined;
  // `-reprot` is read as the short options -r -e -p ...; name the word as typed, as a long option misspelt.
  const typed = unknown.rawName.startsWith('--') ? unknown.rawName : /^-[^-=]{2,}/.exec(config.args[unknown.index]!)?.[0];
  const suggestion = typed === undefined ? undefined : closestKey(typed.replace(/^--?/, ''), Object.keys(config.options));
  return messages.unknownOption(typed ?? unknown.rawName, suggestion === undefined ? undefined : `--${suggestion}`);
}

/** Prints an input problem as the command's own lines (`dialsim run: ...`) and returns exit code 2. */
export async function failWithUsage(io: CliIo, commandName: string, message: string): Promise<2> {
  await write(io.stderr, message.split('\n').map((line) => `dialsim ${commandName}: ${line}\n`).join(''));
  return 2;
}
