import { closeSync, openSync, readSync } from 'node:fs';

/** A chunk of a file, as a stream of it would give: 64 KiB. */
export const FILE_CHUNK_BYTES = 64 * 1024;

/**
 * The bytes of the file at `path`, in chunks, read synchronously: how `check --ndjson FILE` and `scrub FILE` read a
 * named file. A stream's reads complete on Node's thread pool between the chunks being screened, and with them a
 * screening run fell, at random from one run to the next, into a state in which V8 kept promoting the young
 * generation (a million requests from a file: about 100k a second and 127 MB, or 65-70k a second and 205 MB; the
 * same requests from memory, or read this way, were never slow). A local file's chunk is read in microseconds, and
 * nothing else waits on this thread meanwhile but the workers' next batch. Each chunk is a Buffer of its own, which
 * a consumer may keep. The file is opened when the first chunk is asked for and closed when the last is read, or
 * when the consumer stops early; an error (ENOENT, EISDIR, EACCES) is thrown by that `next()`, as a stream's would be
 * emitted.
 */
export async function* fileChunks(path: string, chunkBytes = FILE_CHUNK_BYTES): AsyncGenerator<Buffer, void, undefined> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafeSlow(chunkBytes);
      const read = readSync(fd, chunk, 0, chunkBytes, null);
      if (read === 0) return;
      yield read === chunkBytes ? chunk : chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}
