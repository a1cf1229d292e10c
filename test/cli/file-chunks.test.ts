/**
 * Issue 14: `check --ndjson FILE` and `scrub FILE` read a named file in chunks, synchronously (src/cli/file-chunks.ts
 * says why), and standard input so when it is one: every byte once and in order, each chunk a Buffer of its own, the
 * file closed however the reading ends, and an unreadable file an error with the code a stream would give.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commandInput, fileChunks } from '../../src/cli/file-chunks.js';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { scratchDir } from '../support/scratch-dir.js';

const dir = scratchDir('file-chunks');

async function chunksOf(path: string, chunkBytes?: number): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of fileChunks(path, chunkBytes)) chunks.push(chunk);
  return chunks;
}

/** The file descriptors this process has open (Linux). */
const openFiles = (): number => readdirSync('/proc/self/fd').length;

describe('fileChunks', () => {
  it.each([0, 1, 15, 16, 17, 56])('gives a file of %i bytes whole, in order, in chunks of at most 16', async (size) => {
    const path = join(dir, `bytes-${size}`);
    const bytes = Buffer.from(Array.from({ length: size }, (_, index) => (index * 37) % 256));
    writeFileSync(path, bytes);
    const chunks = await chunksOf(path, 16);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(chunks.every((chunk) => chunk.length > 0 && chunk.length <= 16)).toBe(true);
    expect(chunks.length).toBe(Math.ceil(size / 16));
  });

  it('hands out each chunk in memory of its own, which the next read does not overwrite', async () => {
    const path = join(dir, 'own-memory');
    writeFileSync(path, 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(5));
    const chunks = await chunksOf(path, 16);
    expect(chunks.map((chunk) => chunk.toString())).toEqual(['a'.repeat(16), 'b'.repeat(16), 'c'.repeat(5)]);
    expect(new Set(chunks.map((chunk) => chunk.buffer)).size).toBe(3);
  });

  it('reads the default chunk of 64 KiB from a larger file', async () => {
    const path = join(dir, 'large');
    writeFileSync(path, Buffer.alloc(200_000, 0x61));
    const chunks = await chunksOf(path);
    expect(chunks.map((chunk) => chunk.length)).toEqual([65_536, 65_536, 65_536, 3_392]);
    expect(Buffer.concat(chunks).equals(readFileSync(path))).toBe(true);
  });

  it('closes the file when the reading stops early, and when it ends', async () => {
    const path = join(dir, 'closed');
    writeFileSync(path, Buffer.alloc(100, 0x61));
    const before = openFiles();
    for await (const chunk of fileChunks(path, 10)) if (chunk.length > 0) break;
    expect(openFiles()).toBe(before);
    await chunksOf(path, 10);
    expect(openFiles()).toBe(before);
  });

  it('reads a named pipe as a stream, whose writer it waits on, with every byte the writer wrote', async () => {
    const fifo = join(dir, 'requests.fifo');
    rmSync(fifo, { force: true });
    execFileSync('mkfifo', [fifo]);
    const writer = spawn(process.execPath, ['-e', `process.stdout.write('ready\\n'); require('fs').writeFileSync(${JSON.stringify(fifo)}, 'x'.repeat(100000))`], { stdio: ['ignore', 'pipe', 'inherit'] });
    // Opening the pipe blocks this thread until the writer opens it: so the writer must be running first.
    await new Promise((ready) => writer.stdout.once('data', ready));
    const chunks = await chunksOf(fifo, 16_384);
    expect(Buffer.concat(chunks).toString()).toBe('x'.repeat(100_000));
    await new Promise((done) => writer.on('close', done));
  });

  it('fails on the first chunk asked for with the code a stream gives: a missing file, a folder', async () => {
    await expect(chunksOf(join(dir, 'no-such-file'), 16)).rejects.toMatchObject({ code: 'ENOENT' });
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    await expect(chunksOf(join(dir, 'a-folder'), 16)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('check --ndjson with standard input redirected from a file', () => {
  it('reads it from where the descriptor stands, as the stream did, and answers as for the file named', () => {
    assertBuildIsFresh();
    const requests = [
      { at: '2026-03-10T15:00:00-05:00', to: '(212) 555-0147', method: 'manual', caller: { seller: 'acme' }, callee: { lineType: 'landline' }, registries: { national: { syncedAt: '2026-03-01', numbers: [] } } },
      { at: '2026-03-10T22:30:00-05:00', to: '(305) 555-0123', method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-03-01', numbers: [] } } },
    ];
    const skipped = 'not a request: read by whoever had the descriptor before\n';
    const path = join(dir, 'requests.ndjson');
    writeFileSync(path, skipped + requests.map((request) => JSON.stringify(request)).join('\n') + '\n');
    const rest = join(dir, 'rest.ndjson');
    writeFileSync(rest, readFileSync(path).subarray(skipped.length));
    const bin = join(repoRoot, 'dist/src/cli/bin.js');
    const named = spawnSync(process.execPath, [bin, 'check', '--ndjson', rest], { encoding: 'utf8' });
    const fd = openSync(path, 'r');
    try {
      readSync(fd, Buffer.alloc(skipped.length), 0, skipped.length, null);
      const redirected = spawnSync(process.execPath, [bin, 'check', '--ndjson'], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(redirected.status).toBe(0);
      expect(redirected.stdout.trim().split('\n')).toHaveLength(2);
      expect(redirected.stdout).toBe(named.stdout);
      expect(JSON.parse(redirected.stdout.split('\n')[1]!)).toMatchObject({ verdict: 'block' });
    } finally {
      closeSync(fd);
    }
  });
});

describe('commandInput', () => {
  it('reads a named file in synchronous chunks on one thread, and as a stream beside worker threads, whose answers need the event loop', async () => {
    const path = join(dir, 'input.ndjson');
    writeFileSync(path, '{"a":1}\n{"b":2}\n');
    const io = { stdin: Readable.from([]) };
    const alone = commandInput(path, io, { threads: 1 });
    const beside = commandInput(path, io, { threads: 2 });
    expect(alone).not.toBeInstanceOf(Readable);
    expect(beside).toBeInstanceOf(Readable);
    for (const input of [alone, beside]) {
      const chunks: Buffer[] = [];
      for await (const chunk of input) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('{"a":1}\n{"b":2}\n');
    }
    // Standard input that is not the process's own (a caller's stream) is read as given.
    expect(commandInput('-', io, { threads: 1 })).toBe(io.stdin);
    expect(commandInput(undefined, io, { threads: 2 })).toBe(io.stdin);
  });
});
