import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import type { CliIo } from './io.js';

/** A chunk of a file, as a stream of it would give: 64 KiB. */
export const FILE_CHUNK_BYTES = 64 * 1024;

/**
 * The bytes of the file at `path` (or, given a file descriptor, of the file open there, from its current offset), in
 * chunks, read synchronously when it is a regular file: how `check --ndjson FILE` and `scrub FILE` read a named
 * file, and standard input when it is one. A stream's reads complete on Node's thread pool between the chunks being
 * screened, and with them a screening run fell, at random from one run to the next, into a state in which V8 kept
 * promoting the young generation (docs/decisions.md 28: the same 300,000 requests at about 100k a second and 127 MB
 * in some runs, 65-70k and 205 MB in others; from memory, or read this way, never slow). A regular file's chunk is
 * read in microseconds, and nothing else waits on this thread meanwhile but the workers' next batch; anything else
 * named (a pipe, `/dev/stdin`, `<(...)`) may wait on its writer, and is read as a stream. Each chunk is a Buffer of
 * its own, which a consumer may keep. A file named by its path is opened when the first chunk is asked for and
 * closed when the last is read, or when the consumer stops early (a descriptor given is left open); an error
 * (ENOENT, EISDIR, EACCES) is thrown by that `next()`, as a stream's would be emitted.
 */
export async function* fileChunks(file: string | number, chunkBytes = FILE_CHUNK_BYTES): AsyncGenerator<Buffer, void, undefined> {
  const fd = typeof file === 'number' ? file : openSync(file, 'r');
  let closes = typeof file !== 'number';
  try {
    if (!fstatSync(fd).isFile()) {
      closes = false;
      yield* createReadStream('', { fd, autoClose: typeof file !== 'number', highWaterMark: chunkBytes }) as AsyncIterable<Buffer>;
      return;
    }
    for (;;) {
      const chunk = Buffer.allocUnsafeSlow(chunkBytes);
      const read = readSync(fd, chunk, 0, chunkBytes, null);
      if (read === 0) return;
      if (read === chunkBytes) {
        yield chunk;
      } else {
        // A short read (the file's last chunk) is copied out, not kept with its chunk's whole memory.
        const rest = Buffer.allocUnsafeSlow(read);
        chunk.copy(rest, 0, 0, read);
        yield rest;
      }
    }
  } finally {
    if (closes) closeSync(fd);
  }
}

/**
 * A command's input: the file named, or for `-` or none standard input. Screened in this thread alone (`threads`
 * 1), a regular file is read in chunks, synchronously (`dialsim check --ndjson < requests.ndjson` too); with worker
 * threads, and for anything else (a pipe, a terminal), as a stream: a thread handing batches to workers must let its
 * event loop turn while it reads, or their answers wait unheard and it screens every batch itself (a million
 * requests on two threads: 111k a second, against 118k on one).
 */
export function commandInput(file: string | undefined, io: Pick<CliIo, 'stdin'>, { threads }: { readonly threads: number }): AsyncIterable<string | Buffer> {
  const named = file !== undefined && file !== '-';
  if (threads > 1) return named ? createReadStream(file) : (io.stdin as AsyncIterable<string | Buffer>);
  if (named) return fileChunks(file);
  return stdinIsRegularFile(io) ? fileChunks(0) : (io.stdin as AsyncIterable<string | Buffer>);
}

/** Whether the command's standard input is the process's, redirected from a regular file: it never waits on a writer. */
export function stdinIsRegularFile(io: Pick<CliIo, 'stdin'>): boolean {
  try {
    return io.stdin === process.stdin && fstatSync(0).isFile();
  } catch {
    return false;
  }
}
