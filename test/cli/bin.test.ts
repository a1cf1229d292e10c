/**
 * The bin in a real Node.js process whose standard output is closed early, as `dialsim run scenarios/ | head -1`
 * closes it (issue 13). Root cause of the crash: the EPIPE error event on process.stdout had no listener, and the
 * commands kept writing (and waiting for 'drain') after the reader had gone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { scratchDir } from '../support/scratch-dir.js';

interface Closed {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly firstChunk: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI and closes its standard output, as `head` does: after the first chunk (`afterFirstChunk`), or
 * before it has printed anything.
 */
function runWithStdoutClosed(args: readonly string[], options: { afterFirstChunk: boolean }): Promise<Closed> {
  assertBuildIsFresh();
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const child = spawn(process.execPath, [join(repoRoot, 'dist/src/cli/bin.js'), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let firstChunk = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  if (options.afterFirstChunk) {
    child.stdout.once('data', (chunk: Buffer) => {
      firstChunk = chunk.toString('utf8');
      child.stdout.destroy();
    });
  } else child.stdout.destroy();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, firstChunk, stderr }));
  });
}

/** Far more than a pipe holds (64 KiB), so the command is still writing when its reader goes. */
function manyRequests(): string {
  const request = JSON.stringify({ at: '2026-03-10T20:30:00-07:00', to: '(303) 555-0123', method: 'manual', caller: { seller: 'acme' }, packs: ['us-federal'] });
  const file = join(scratchDir('bin'), 'requests.ndjson');
  writeFileSync(file, `${`${request}\n`.repeat(5000)}`);
  return file;
}

describe('a closed output pipe ends the command quietly: exit 0, nothing on stderr', () => {
  it('dialsim run scenarios/ | head -1, in a shell', () => {
    assertBuildIsFresh();
    const dir = scratchDir('bin');
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    const script = `{ "${process.execPath}" dist/src/cli/bin.js run scenarios/ 2>"${dir}/stderr"; echo $? >"${dir}/code"; } | head -1`;
    const shell = spawnSync('sh', ['-c', script], { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 });
    expect(shell.stdout).toBe('✔ scenarios/01-single-call.yaml: One late call to Denver\n');
    expect({ code: readFileSync(join(dir, 'code'), 'utf8'), stderr: readFileSync(join(dir, 'stderr'), 'utf8') }).toEqual({ code: '0\n', stderr: '' });
  });

  it('dialsim run scenarios/ with the reader gone after the first chunk', async () => {
    const result = await runWithStdoutClosed(['run', 'scenarios/'], { afterFirstChunk: true });
    expect(result.firstChunk).toMatch(/^✔ scenarios\/01-single-call\.yaml: One late call to Denver\n/);
    expect({ code: result.code, signal: result.signal, stderr: result.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('dialsim check --ndjson FILE | head -1, and with the pipe closed before the first line', async () => {
    const file = manyRequests();
    for (const afterFirstChunk of [true, false]) {
      const result = await runWithStdoutClosed(['check', '--ndjson', file], { afterFirstChunk });
      if (afterFirstChunk) expect(result.firstChunk).toMatch(/^\{"verdict":"block"/);
      expect({ code: result.code, signal: result.signal, stderr: result.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    }
  });

  it('dialsim scrub LIST | head -1: the scrub command runs from its bundle, which shares io.js with run-cli', async () => {
    const dir = scratchDir('bin');
    writeFileSync(join(dir, 'context.json'), JSON.stringify({ registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: [] } } }));
    writeFileSync(join(dir, 'leads.csv'), `Phone,State\n${'(303) 555-0123,CO\n'.repeat(20_000)}`);
    const flags = ['--seller', 'acme', '--context', join(dir, 'context.json'), '--dnc-only', '--at', '2026-03-10T17:00:00Z'];
    for (const afterFirstChunk of [true, false]) {
      const result = await runWithStdoutClosed(['scrub', join(dir, 'leads.csv'), ...flags], { afterFirstChunk });
      if (afterFirstChunk) expect(result.firstChunk).toMatch(/^Phone,State,scrub_row,/);
      // The mapping is told before the rows; then nothing, as the reader has gone.
      expect({ code: result.code, signal: result.signal, stderr: result.stderr.replaceAll(dir, '<dir>') }).toEqual({
        code: 0,
        signal: null,
        stderr: 'dialsim scrub: <dir>/leads.csv (CSV): columns read as fields\ndialsim scrub:   phone <- "Phone" (by its name)\ndialsim scrub:   state <- "State" (by its name)\n',
      });
    }
  });

  it('dialsim train --answers FILE | head, and dialsim --help with the pipe closed before anything is printed', async () => {
    const answers = join(scratchDir('bin'), 'answers.txt');
    writeFileSync(answers, 'dial\n'.repeat(50));
    const train = await runWithStdoutClosed(['train', '--count', '50', '--answers', answers], { afterFirstChunk: false });
    expect({ code: train.code, signal: train.signal, stderr: train.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    const help = await runWithStdoutClosed(['--help'], { afterFirstChunk: false });
    expect({ code: help.code, signal: help.signal, stderr: help.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });
});
