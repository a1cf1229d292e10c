import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in-process with `stdin` as its standard input and returns what it printed. `tty`: the standard input
 * says it is a terminal, as process.stdin does at a prompt.
 */
export async function runCliInMemory(argv: readonly string[], stdin = '', options: { readonly tty?: boolean } = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const input = options.tty === true ? Object.assign(Readable.from([stdin]), { isTTY: true }) : Readable.from([stdin]);
  const code = await runCli(argv, { stdout, stderr, stdin: input });
  return { code, stdout: out, stderr: err };
}
