import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it, onTestFinished } from 'vitest';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { scratchDir } from '../support/scratch-dir.js';

const ROWS = 200_000;
/** A long note per row: the list is over 300 MB, several times the heap the scrub is given. */
const NOTE = 'x'.repeat(1500);
/** The V8 heap the scrub runs in: enough for the program and one batch, far too little to hold the list. */
const HEAP_MB = 64;

/** A generated CRM export, produced as it is written: the test itself never holds the list either. */
function* leadList(): Generator<string> {
  yield 'Contact ID,Phone Number,Notes\r\n';
  for (let start = 0; start < ROWS; start += 1000) {
    let chunk = '';
    for (let index = start; index < start + 1000; index++) chunk += `${index},(303) ${String(200 + (index % 800)).padStart(3, '0')}-${String(index % 10_000).padStart(4, '0')},"${NOTE}"\r\n`;
    yield chunk;
  }
}

describe('dialsim scrub on a long list', () => {
  it(`streams 200,000 rows (over 300 MB) through a process with a ${HEAP_MB} MB heap, every row out`, async () => {
    assertBuildIsFresh();
    const dir = scratchDir('scrub-stream');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'context.json'), JSON.stringify({ registries: { national: { syncedAt: '2026-03-01', numbers: ['303-555-0123'] } } }));
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, join(repoRoot, 'dist/src/cli/bin.js'), 'scrub', '-', '--seller', 'acme', '--context', join(dir, 'context.json'), '--dnc-only', '--at', '2026-03-10T15:00:00Z'],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let lines = 0;
    let inputBytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = once(child, 'close');
    for (const chunk of leadList()) {
      inputBytes += chunk.length;
      if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
    }
    child.stdin.end();
    const [code] = await exited;
    expect(stderr).toContain(`rows        ${ROWS} in, ${ROWS} out`);
    expect(code).toBe(0);
    expect(inputBytes).toBeGreaterThan(300e6);
    // The header and one line per row: no cell holds a line break.
    expect(lines).toBe(ROWS + 1);
  }, 120_000);
});
