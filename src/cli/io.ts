/** What a command may touch: no process globals, so tests run commands in-process and read their output. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  /** Whether stdout is a terminal (for colour and progress); false in tests and pipes. */
  readonly isTty?: boolean;
}

export type ExitCode = 0 | 1 | 2;

/** A subcommand as data: its name, help text and a run function that returns an exit code and never exits. */
export interface CommandDefinition {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[], io: CliIo): Promise<ExitCode>;
}

/** Writes and waits for the stream to drain when it asks to, so large outputs stay within memory. */
export async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}
