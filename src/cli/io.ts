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

/**
 * The reader of the output went away (`dialsim run scenarios/ | head -1`). Not a bug and not the user's mistake:
 * the command stops, quietly, as Unix tools do.
 */
export class OutputClosedError extends Error {
  constructor() {
    super('the output was closed by its reader');
    this.name = 'OutputClosedError';
  }
}

type StreamState = NodeJS.WritableStream & { readonly destroyed?: boolean; readonly errored?: Error | null; readonly writableEnded?: boolean };

function isClosed(stream: NodeJS.WritableStream): boolean {
  const state = stream as StreamState;
  return state.destroyed === true || (state.errored ?? null) !== null || state.writableEnded === true;
}

/**
 * Writes and waits for the stream to drain when it asks to, so large outputs stay within memory; `written`, when
 * given, is called once the stream is done with the bytes (a buffer may then be filled again). A stream whose
 * reader has gone (EPIPE: it errors, then closes) rejects with OutputClosedError instead of waiting for ever.
 */
export async function write(stream: NodeJS.WritableStream, text: string | Uint8Array, written?: () => void): Promise<void> {
  if (isClosed(stream)) throw new OutputClosedError();
  // `written` is told once the stream has finished with the bytes, so that their memory may be used again.
  if (stream.write(text, written && ((error) => error === undefined || error === null ? written() : undefined))) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (closed: boolean) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      if (closed) reject(new OutputClosedError());
      else resolve();
    };
    const onDrain = () => settle(false);
    const onClose = () => settle(true);
    stream.once('drain', onDrain);
    stream.once('close', onClose);
  });
}
