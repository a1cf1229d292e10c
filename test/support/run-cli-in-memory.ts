import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Standard streams in memory for a command run in-process, and what it printed to them so far. */
export function capturedIo(stdin: Readable): { readonly io: { stdout: PassThrough; stderr: PassThrough; stdin: Readable }; printed(): { stdout: string; stderr: string } } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return { io: { stdout, stderr, stdin }, printed: () => ({ stdout: out, stderr: err }) };
}

/**
 * Runs the CLI in-process with `stdin` as its standard input and returns what it printed. `tty`: the standard input
 * says it is a terminal, as process.stdin does at a prompt.
 */
export async function runCliInMemory(argv: readonly string[], stdin = '', options: { readonly tty?: boolean } = {}): Promise<CliResult> {
  const input = options.tty === true ? Object.assign(Readable.from([stdin]), { isTTY: true }) : Readable.from([stdin]);
  const { io, printed } = capturedIo(input);
  const code = await runCli(argv, io);
  return { code, ...printed() };
}
