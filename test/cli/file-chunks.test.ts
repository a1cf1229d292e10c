/**
 * Issue 14: `check --ndjson FILE` and `scrub FILE` read a named file in chunks, synchronously (src/cli/file-chunks.ts
 * says why): every byte once and in order, each chunk a Buffer of its own, the file closed however the reading ends,
 * and an unreadable file an error with the code a stream would give.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileChunks } from '../../src/cli/file-chunks.js';
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

  it('fails on the first chunk asked for with the code a stream gives: a missing file, a folder', async () => {
    await expect(chunksOf(join(dir, 'no-such-file'), 16)).rejects.toMatchObject({ code: 'ENOENT' });
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    await expect(chunksOf(join(dir, 'a-folder'), 16)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
