import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';

const ROWS = 200_000;
/** A long note per row, so that a list held in memory would show in the resident size many times over. */
const NOTE = 'x'.repeat(1500);

/** A generated CRM export, produced as it is read: the test itself never holds the list either. */
function* leadList(): Generator<string> {
  yield 'Contact ID,Phone Number,Notes\r\n';
  for (let start = 0; start < ROWS; start += 1000) {
    let chunk = '';
    for (let index = start; index < start + 1000; index++) chunk += `${index},(303) ${String(200 + (index % 800)).padStart(3, '0')}-${String(index % 10_000).padStart(4, '0')},"${NOTE}"\r\n`;
    yield chunk;
  }
}

describe('dialsim scrub on a long list', () => {
  it('streams 200,000 rows (over 300 MB) through with flat memory: every row out, the resident size growing far less than the list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialsim-scrub-stream-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'context.json'), JSON.stringify({ registries: { national: { syncedAt: '2026-03-01', numbers: ['303-555-0123'] } } }));
    let lines = 0;
    let bytes = 0;
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines++;
        done();
      },
    });
    const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
    const before = process.memoryUsage().rss;
    const code = await runCli(['scrub', '-', '--seller', 'acme', '--context', join(dir, 'context.json'), '--dnc-only', '--at', '2026-03-10T15:00:00Z'], {
      stdin: Readable.from(leadList()),
      stdout,
      stderr,
    });
    // The process's peak resident size (this file runs in a worker of its own).
    const peak = process.resourceUsage().maxRSS * 1024;
    expect(code).toBe(0);
    // The header and one line per row: no cell holds a line break.
    expect(lines).toBe(ROWS + 1);
    expect(bytes).toBeGreaterThan(ROWS * NOTE.length);
    // Held in memory, the list alone would add over 300 MB; streamed, the growth is the heap's slack between
    // collections (about 130 MB at 100,000 rows as at 400,000).
    expect((peak - before) / 1e6).toBeLessThan(200);
  }, 120_000);
});
