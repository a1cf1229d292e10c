/**
 * Issue 14: `dialsim scrub --workers N`. Every row out, in order, with the same bytes, the same duplicate marks
 * across batches, the same summary and exit code as one thread; a list that becomes unreadable half way still has
 * the rows before the error written. Runs the built CLI: workers start from the compiled scripts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/seeded-random.js';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { mainThreadOnlyPolicy, threadNotingPolicy } from '../support/thread-policy-modules.js';
import { scratchDir } from '../support/scratch-dir.js';

interface Run {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

function scrub(args: readonly string[]): Run {
  assertBuildIsFresh();
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist/src/cli/bin.js'), 'scrub', ...args], { cwd: repoRoot, env, maxBuffer: 1 << 30, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

const folder = scratchDir('scrub-workers');
const AREA_CODES = ['303', '720', '212', '305', '907', '808', '416', '555'];

/**
 * A CRM export of `count` rows, many batches of them: numbers repeated far apart (duplicates across batches), quoted
 * cells with commas, quotes and line breaks, formula-looking cells, numbers that are not numbers, empty rows, rows
 * longer than the header, yes/no line types that do not parse, and states and consents per row.
 */
function crmExport(seed: number, count: number): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lines = ['\ufeffContact ID,Phone Number,Mobile?,State,Notes,Consent'];
  for (let row = 1; row <= count; row++) {
    const roll = random();
    const phone = `(${pick(AREA_CODES)}) ${200 + Math.floor(random() * 20)}-${String(Math.floor(random() * 40)).padStart(4, '0')}`;
    const mobile = pick(['yes', 'no', '', 'Y', 'maybe']);
    const notes = pick(['', 'called twice, "no" both times', 'line one\r\nline two', '=HYPERLINK("x")', '+1 gift', 'Ünïcödé – note']);
    if (roll < 0.01) lines.push('');
    else if (roll < 0.02) lines.push(`${row},${phone},no,CO,long,row,with,extra,cells`);
    else if (roll < 0.04) lines.push(`${row},N/A,${mobile},,,`);
    else lines.push(`${row},${phone},${mobile},${pick(['', 'CO', 'NY', 'FL', 'TX'])},"${notes.replace(/"/g, '""')}",${pick(['', 'prior-express-written', 'none'])}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('dialsim scrub --workers', () => {
  const context = join(folder, 'context.json');
  writeFileSync(
    context,
    JSON.stringify({ registries: { national: { syncedAt: '2026-03-01', numbers: ['303-200-0001', '720-201-0002', '212-205-0010'] }, internal: { numbers: ['305-210-0003'] }, states: { CO: { syncedAt: '2026-03-01', numbers: ['303-202-0004'] } } } }),
  );
  const list = join(folder, 'leads.csv');
  // 30,000 rows are 15 batches: more than two threads hold in flight, so that the worker threads are waited for and
  // given batches, beside the ones the calling thread screens.
  writeFileSync(list, crmExport(21, 30_000));
  const common = ['--seller', 'acme', '--context', context, '--map', 'lineType=Mobile?', '--values', 'lineType=yes:mobile,y:mobile,no:landline'];

  it.each([
    ['a full screening, CSV out', ['--at', '2026-03-10T20:30:00-05:00']],
    ['--dnc-only, NDJSON out', ['--dnc-only', '--at', '2026-03-10T15:00:00Z', '--ndjson']],
  ])('%s: the bytes, summary and exit code of one thread', (_name, flags) => {
    const one = scrub([list, ...common, ...flags, '--workers', '1']);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('rows        30000 in, 30000 out');
    expect(one.stderr).toMatch(/duplicates +[1-9]/);
    const two = scrub([list, ...common, ...flags, '--workers', '2']);
    expect({ code: two.code, stderr: two.stderr }).toEqual({ code: one.code, stderr: one.stderr });
    expect(two.stdout.equals(one.stdout)).toBe(true);
  });

  it('writes --out the same, and with the list unreadable half way, the rows before the error', () => {
    const out = join(folder, 'scrubbed.csv');
    const one = scrub([list, ...common, '--dnc-only', '--at', '2026-03-10T15:00:00Z', '--workers', '1']);
    const two = scrub([list, ...common, '--dnc-only', '--at', '2026-03-10T15:00:00Z', '--workers', '3', '--out', out]);
    expect(two.code).toBe(one.code);
    expect(readFileSync(out).equals(one.stdout)).toBe(true);

    const broken = join(folder, 'broken.csv');
    writeFileSync(broken, `${crmExport(22, 20_000)}20001,"303-555-0123\n`);
    const brokenOne = scrub([broken, ...common, '--dnc-only', '--at', '2026-03-10T15:00:00Z', '--workers', '1']);
    expect(brokenOne.code).toBe(2);
    expect(brokenOne.stderr).toContain('20000 rows were screened and written before it');
    const brokenTwo = scrub([broken, ...common, '--dnc-only', '--at', '2026-03-10T15:00:00Z', '--workers', '2']);
    expect({ code: brokenTwo.code, stderr: brokenTwo.stderr }).toEqual({ code: brokenOne.code, stderr: brokenOne.stderr });
    expect(brokenTwo.stdout.equals(brokenOne.stdout)).toBe(true);
  });

  it('screens in the calling thread and in the worker threads alike, with the bytes of one thread', () => {
    // A policy module that notes each thread it screens in: the first batch is always the calling thread's (the
    // workers cannot have started yet), and its 2,000th call there waits until the workers are ready for later ones.
    const reference = threadNotingPolicy(folder, 'one-thread', { waitsForWorkers: false });
    const spread = threadNotingPolicy(folder, 'two-threads');
    const flags = [list, ...common, '--at', '2026-03-10T20:30:00-05:00'];
    const one = scrub([...flags, '--policy', reference.policy, '--workers', '1']);
    expect(reference.threads()).toEqual([0]);
    const two = scrub([...flags, '--policy', spread.policy, '--workers', '2']);
    expect(two.stderr).toContain('rows        30000 in, 30000 out');
    expect({ code: two.code, stderr: two.stderr }).toEqual({ code: one.code, stderr: one.stderr });
    expect(two.stdout.equals(one.stdout)).toBe(true);
    const threads = spread.threads();
    expect(threads).toContain(0);
    expect(threads.filter((id) => id !== 0).length).toBe(1);
  });

  it('scrubs every row in this thread, and says why, when the workers cannot start', () => {
    const alone = mainThreadOnlyPolicy(folder, 'main-thread-only-alone', { waitsForWorkers: false });
    const policy = mainThreadOnlyPolicy(folder);
    const flags = [list, ...common, '--dnc-only', '--at', '2026-03-10T15:00:00Z'];
    const one = scrub([...flags, '--policy', alone, '--workers', '1']);
    const two = scrub([...flags, '--policy', policy, '--workers', '2']);
    expect(two.code).toBe(one.code);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr).toContain(`dialsim scrub: a worker thread could not start: policy module ${policy}: failed to load: Error: this module refuses worker threads; every row was screened in this thread instead\n`);
    expect(two.stderr.replace(/^dialsim scrub: a worker thread could not start: .*\n/m, '')).toBe(one.stderr);
  });

  it('refuses a worker count that is not a whole number from 1 to 64', () => {
    const run = scrub([list, ...common, '--dnc-only', '--workers', 'all']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workers: expected a whole number of threads from 1 to 64, got "all"');
  });
});
