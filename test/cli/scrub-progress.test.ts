import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { scratchDir } from '../support/scratch-dir.js';

/** A list long enough to be written in several batches, so the bar is drawn between them. */
function setup(): string {
  const dir = scratchDir('scrub-progress');
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'context.json'), JSON.stringify({ registries: { national: { syncedAt: '2026-03-01', numbers: [] } } }));
  const rows = Array.from({ length: 3000 }, (_, index) => `${index},(303) 555-${String(index).padStart(4, '0')},a note of some length for row ${index}`);
  writeFileSync(join(dir, 'leads.csv'), `id,phone,notes\n${rows.join('\n')}\n`);
  return dir;
}

/**
 * Runs a scrub whose standard error is (or is not) a terminal. The bar appears only after a second, read from the
 * wall clock: the clock is faked and moved on two seconds with each batch of output.
 */
async function scrubWithTerminal(options: { stderrTty: boolean; stdoutTty: boolean; out: boolean }): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  const dir = setup();
  let stderr = '';
  const stderrStream = Object.assign(new PassThrough(), { isTTY: options.stderrTty });
  stderrStream.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const stdout = new PassThrough();
  stdout.on('data', () => vi.setSystemTime(Date.now() + 2000));
  const argv = ['scrub', join(dir, 'leads.csv'), '--seller', 'acme', '--context', join(dir, 'context.json'), '--dnc-only', '--at', '2026-03-05T15:00:00Z'];
  const code = await runCli(options.out ? [...argv, '--out', join(dir, 'out.csv')] : argv, {
    stdin: Readable.from([]),
    stdout,
    stderr: stderrStream,
    isTty: options.stdoutTty,
  });
  expect(code).toBe(0);
  return stderr;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the scrub progress bar', () => {
  it('is drawn on a terminal\'s standard error, with the share read, and cleared before the summary', async () => {
    const stderr = await scrubWithTerminal({ stderrTty: true, stdoutTty: false, out: false });
    expect(stderr).toMatch(/\r\[#+ *\] \d+% leads\.csv/);
    expect(stderr).toContain('] 100% leads.csv');
    // Cleared: the summary starts on a clean line.
    expect(stderr).toMatch(/\r +\rdialsim scrub: summary\n/);
  });

  it('is not drawn when standard error is not a terminal, nor over the list on the same terminal', async () => {
    expect(await scrubWithTerminal({ stderrTty: false, stdoutTty: false, out: false })).not.toContain('\r');
    expect(await scrubWithTerminal({ stderrTty: true, stdoutTty: true, out: false })).not.toContain('\r');
  });
});
