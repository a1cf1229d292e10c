/**
 * Issue 14: `dialsim check --ndjson --workers N`. The output, line numbers, error lines, counts and exit code are
 * exactly those of one thread, whatever the input holds, and the registries (a store, number files, state lists) are
 * the same shared memory in every worker. Runs the built CLI: workers start from the compiled scripts.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkRequestChunks } from '../../bench/check-requests.js';
import { nearMisses, type Json } from '../../bench/near-miss-requests.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { writeDownload } from '../registry-store/ftc-files.js';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { mainThreadOnlyPolicy, neverReadyInWorkersPolicy, threadNotingPolicy } from '../support/thread-policy-modules.js';
import { scratchDir } from '../support/scratch-dir.js';

interface Run {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

function check(args: readonly string[], input?: string | Buffer): Run {
  assertBuildIsFresh();
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist/src/cli/bin.js'), 'check', ...args], { cwd: repoRoot, env, input, maxBuffer: 1 << 30, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

const folder = scratchDir('workers');

/** Numbers the generated requests draw some of theirs from, so that the registries block some calls. */
const NATIONAL = ['3035550123', '2125550100', '7205550100', '3125550199'];
const INTERNAL = ['3035550124'];

/**
 * Generated requests with their near misses (wrong types, missing fields, bad instants), requests naming their own
 * packs, blank lines, CRLF line ends, JSON that does not parse, bytes that are not UTF-8, and a request longer than
 * a batch: more than a megabyte, so that several batches go to each worker.
 */
async function awkwardInput(seed: number, count: number): Promise<Buffer> {
  const random = seededRandom(seed);
  const parts: Buffer[] = [];
  let longAdded = false;
  for await (const chunk of checkRequestChunks({ count, seed, nationalListed: NATIONAL, internalListed: INTERNAL })) {
    for (const line of chunk.split('\n').filter(Boolean)) {
      const request = JSON.parse(line) as { [key: string]: Json };
      const roll = random();
      if (roll < 0.05) {
        const misses = nearMisses(request, (n) => Math.floor(random() * n));
        parts.push(Buffer.from(`${JSON.stringify(misses[Math.floor(random() * misses.length)])}\n`));
      } else if (roll < 0.08) parts.push(Buffer.from(`${JSON.stringify({ ...request, packs: ['us-federal'] })}\r\n`));
      else if (roll < 0.09) parts.push(Buffer.from('\n  \n'));
      else if (roll < 0.095) parts.push(Buffer.from('{"at": "2026-03-10T12:00:00Z", "to": \n'));
      else if (roll < 0.097) parts.push(Buffer.concat([Buffer.from('{"to": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n')]));
      // A character cut short just before the line feed, and another just before a carriage return.
      else if (roll < 0.098) parts.push(Buffer.concat([Buffer.from('{"to": "x'), Buffer.from([0xe2, 0x82]), Buffer.from('\n{"to": "y'), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from('\r\n')]));
      else parts.push(Buffer.from(`${line}\n`));
    }
    if (!longAdded) {
      longAdded = true;
      const long = { at: '2026-03-10T15:00:00-05:00', to: '(303) 555-0199', method: 'manual', caller: { seller: 'acme' }, notes: 'n'.repeat(400_000) };
      parts.push(Buffer.from(`${JSON.stringify(long)}\n`));
    }
  }
  return Buffer.concat(parts);
}

describe('dialsim check --ndjson --workers', () => {
  it('gives the bytes, the exit code and the summary of one thread, over batches of awkward input, from a file and from stdin', async () => {
    const input = await awkwardInput(14, 12_000);
    const file = join(folder, 'requests.ndjson');
    // A byte-order mark before the first request, and no line feed after the last.
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), input, Buffer.from('{"to": "last"}')]));
    const context = join(folder, 'context.json');
    writeFileSync(join(folder, 'internal.txt'), INTERNAL.map((n) => `+1${n}`).join('\n'));
    writeFileSync(context, JSON.stringify({ registries: { national: { syncedAt: '2026-03-01', numbers: NATIONAL.map((n) => `+1${n}`) }, internal: { file: 'internal.txt' } } }));

    const one = check(['--ndjson', '--workers', '1', '--context', context, file]);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/^dialsim check: \d+ of \d+ lines were malformed; each got an error line in its place\n$/);
    const lines = one.stdout.toString('utf8').split('\n');
    expect(lines.length).toBeGreaterThan(11_500);
    expect(lines.some((line) => line.includes('notes'))).toBe(true);
    expect(lines.filter((line) => line.startsWith('{"line":')).length).toBeGreaterThan(500);
    expect(lines.at(-2)).toMatch(/^\{"line":\d+,"error":/);

    for (const workers of ['2', '3']) {
      const many = check(['--ndjson', '--workers', workers, '--context', context, file]);
      expect({ code: many.code, stderr: many.stderr }).toEqual({ code: one.code, stderr: one.stderr });
      expect(many.stdout.equals(one.stdout)).toBe(true);
    }
    const piped = check(['--ndjson', '--workers', '2', '--context', context], Buffer.concat([input, Buffer.from('{"to": "last"}')]));
    expect(piped.stdout.equals(one.stdout)).toBe(true);
  });

  it('shares a registry store and state lists with the workers, and loads --policy modules in each', async () => {
    const store = join(folder, 'registry.dnc');
    const downloads = [writeDownload(folder, '2026-2-25_303_a1.txt', ['303,5550123', '303,5550124']), writeDownload(folder, '2026-2-20_212_b2.txt', ['212,5550100'])];
    expect(spawnSync(process.execPath, [join(repoRoot, 'dist/src/cli/bin.js'), 'registry', 'import', ...downloads, '--out', store]).status).toBe(0);
    const context = join(folder, 'store-context.json');
    writeFileSync(
      context,
      JSON.stringify({ registries: { national: { store: 'registry.dnc', numbers: ['+13125550199'] }, states: { CO: { store: 'registry.dnc' }, NY: { syncedAt: '2026-03-01', numbers: ['+12125550100'] } } } }),
    );
    const policy = join(folder, 'no-calls-to-555-0199.mjs');
    writeFileSync(
      policy,
      `export default {
  id: 'acme.no-0199',
  title: 'Acme never calls numbers ending 0199',
  citation: 'Acme calling policy §7',
  messages: { ends0199: 'acme never calls {e164}' },
  evaluate: (facts) => (facts.number.e164?.endsWith('0199') ? { outcome: 'violation', messageId: 'ends0199', data: { e164: facts.number.e164 } } : { outcome: 'pass' }),
};\n`,
    );
    const file = join(folder, 'store-requests.ndjson');
    writeFileSync(file, await awkwardInput(15, 6_000));
    const one = check(['--ndjson', '--workers', '1', '--context', context, '--policy', policy, file]);
    expect(one.stderr).not.toContain('policy module');
    const text = one.stdout.toString('utf8');
    expect(text).toContain('"dnc.national"');
    expect(text).toContain('acme.no-0199');
    const two = check(['--ndjson', '--workers', '2', '--context', context, '--policy', policy, file]);
    expect({ code: two.code, stderr: two.stderr }).toEqual({ code: one.code, stderr: one.stderr });
    expect(two.stdout.equals(one.stdout)).toBe(true);
  });

  it('screens every line in this thread, and says why, when the workers cannot start (a policy module that loads here but not in a worker thread)', async () => {
    const alone = mainThreadOnlyPolicy(folder, 'main-thread-only-alone', { waitsForWorkers: false });
    const policy = mainThreadOnlyPolicy(folder);
    const file = join(folder, 'many.ndjson');
    writeFileSync(file, await awkwardInput(16, 12_000));
    const one = check(['--ndjson', '--workers', '1', '--policy', alone, file]);
    expect(one.code).toBe(1);
    const two = check(['--ndjson', '--workers', '2', '--policy', policy, file]);
    expect(two.code).toBe(one.code);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr).toBe(
      `dialsim check: a worker thread could not start: policy module ${policy}: failed to load: Error: this module refuses worker threads; every line was screened in this thread instead\n${one.stderr}`,
    );
  });

  it('ends when the input is done even if a worker never gets ready, not waiting for it', async () => {
    const policy = neverReadyInWorkersPolicy(folder);
    const file = join(folder, 'never-ready.ndjson');
    writeFileSync(file, await awkwardInput(19, 6_000));
    const one = check(['--ndjson', '--workers', '1', '--policy', policy, file]);
    const two = check(['--ndjson', '--workers', '2', '--policy', policy, file]);
    expect({ code: two.code, stderr: two.stderr }).toEqual({ code: one.code, stderr: one.stderr });
    expect(two.stdout.equals(one.stdout)).toBe(true);
  });

  it('screens in the calling thread and in the worker threads alike, with the bytes of one thread', async () => {
    // A policy module that notes each thread it screens in: the first batch is always this thread's (the workers
    // cannot have started yet), and its 2,000th call there waits until the workers are ready for later ones.
    const reference = threadNotingPolicy(folder, 'one-thread', { waitsForWorkers: false });
    const spread = threadNotingPolicy(folder, 'three-threads');
    const file = join(folder, 'twenty-batches.ndjson');
    const input = await awkwardInput(18, 30_000);
    expect(input.length).toBeGreaterThan(20 * 256 * 1024);
    writeFileSync(file, input);
    const one = check(['--ndjson', '--workers', '1', '--policy', reference.policy, file]);
    expect(reference.threads()).toEqual([0]);
    const three = check(['--ndjson', '--workers', '3', '--policy', spread.policy, file]);
    expect({ code: three.code, stderr: three.stderr }).toEqual({ code: one.code, stderr: one.stderr });
    expect(three.stdout.equals(one.stdout)).toBe(true);
    const threads = spread.threads();
    expect(threads).toContain(0);
    expect(threads.filter((id) => id !== 0).length).toBeGreaterThanOrEqual(1);
  });

  it('writes every line answered before an input that fails half way, the same on workers, then tells the error', async () => {
    assertBuildIsFresh();
    const { screenNdjson } = (await import(join(repoRoot, 'dist/src/cli/check-workers.js'))) as typeof import('../../src/cli/check-workers.js');
    const input = await awkwardInput(17, 8_000);
    async function* failingHalfWay(): AsyncGenerator<Buffer> {
      for (let at = 0; at < input.length / 2; at += 65_536) yield input.subarray(at, Math.min(at + 65_536, input.length));
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    const outputs: string[] = [];
    for (const workers of [1, 2]) {
      const chunks: Buffer[] = [];
      await expect(screenNdjson(failingHalfWay(), (chunk) => void chunks.push(Buffer.from(chunk)), {}, { workers })).rejects.toThrow('EIO');
      outputs.push(Buffer.concat(chunks).toString('utf8'));
    }
    expect(outputs[0]!.split('\n').length).toBeGreaterThan(2_000);
    expect(outputs[1]).toBe(outputs[0]);
  });

  it('leaves the chunks a caller\'s stream keeps intact (runCli with a stream that collects them)', async () => {
    assertBuildIsFresh();
    const { runCli } = (await import(join(repoRoot, 'dist/src/cli/run-cli.js'))) as typeof import('../../src/cli/run-cli.js');
    const file = join(folder, 'collected.ndjson');
    writeFileSync(file, await awkwardInput(18, 8_000));
    const collect = async (workers: string) => {
      const chunks: Uint8Array[] = [];
      const stdout = new Writable({ write: (chunk: Uint8Array, _encoding, done) => (chunks.push(chunk), done()) });
      const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
      await runCli(['check', '--ndjson', '--workers', workers, file], { stdin: Readable.from([]), stdout, stderr });
      return Buffer.concat(chunks);
    };
    const [one, two] = [await collect('1'), await collect('2')];
    expect(one.length).toBeGreaterThan(1_000_000);
    expect(two.equals(one)).toBe(true);
  });

  it('refuses a worker count that is not a whole number from 1 to 64, and --workers without --ndjson', () => {
    for (const bad of ['0', '65', 'two', '1.5', '']) {
      const run = check(['--ndjson', '--workers', bad], '');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--workers: expected a whole number of threads from 1 to 64, got "${bad}"`);
    }
    const single = check(['--json', '--workers', '2'], '{}');
    expect(single.code).toBe(2);
    expect(single.stderr).toContain('--workers spreads a stream of requests over threads: it needs --ndjson');
  });
});
