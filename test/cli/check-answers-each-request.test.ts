/**
 * `dialsim check --ndjson` as a dialer runs it beside itself: one request written, its answer read, then the next.
 * Each answer must come while the input is still open, on one thread and on workers, rather than when a batch
 * fills or the input ends (which would leave such a caller waiting for ever). Runs the built CLI.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { scratchDir } from '../support/scratch-dir.js';
import { threadNotingPolicy } from '../support/thread-policy-modules.js';

/** Copies of the national registry and Colorado's list a week old, the first listing one number, in each request. */
const registries = { national: { syncedAt: '2026-03-03', numbers: ['303-555-0123'] }, states: { CO: { syncedAt: '2026-03-03', numbers: [] } } };
const REQUESTS = [
  { at: '2026-03-10T19:30:00-07:00', to: '(303) 555-0123', method: 'manual', caller: { seller: 'acme' }, registries },
  { at: '2026-03-10T22:30:00-07:00', to: '(303) 555-0199', method: 'manual', caller: { seller: 'acme' }, registries },
  { at: '2026-03-10T12:00:00-07:00', to: '(303) 555-0199', method: 'manual', caller: { seller: 'acme' }, registries },
  { to: 'not a request' },
];

/** The next line the CLI writes, or a failure naming what it was waiting for. */
async function nextAnswer(answers: AsyncIterator<string>, awaited: string): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${awaited} while the input stayed open`)), 15_000);
  });
  try {
    const answer = await Promise.race([answers.next(), timeout]);
    expect(answer.done).toBe(false);
    return answer.value as string;
  } finally {
    clearTimeout(timer);
  }
}

describe('dialsim check --ndjson, one request at a time', () => {
  it.each([
    ['1', 0],
    ['2', 0],
    // More than a batch first, so that the worker thread has started and takes some of the lines held at a pause.
    ['2', 3_000],
  ])('answers each request before the next is sent (--workers %s, after %i requests at once)', async (workers, before) => {
    assertBuildIsFresh();
    const folder = scratchDir('answers-each');
    const noting = threadNotingPolicy(folder, 'noting');
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    const args = [join(repoRoot, 'dist/src/cli/bin.js'), 'check', '--ndjson', '--workers', workers, '--policy', noting.policy];
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const received: unknown[] = [];
    try {
      if (before > 0) {
        const bulk = Array.from({ length: before }, (_, index) => JSON.stringify({ ...REQUESTS[2], subject: `bulk ${index}`.padEnd(60, '.') }));
        expect(bulk.join('\n').length).toBeGreaterThan(256 * 1024);
        child.stdin.write(`${bulk.join('\n')}\n`);
        for (let index = 0; index < before; index++) expect(JSON.parse(await nextAnswer(answers, `bulk request ${index}`))).toHaveProperty('verdict', 'allow');
      }
      for (const request of REQUESTS) {
        child.stdin.write(`${JSON.stringify(request)}\n`);
        received.push(JSON.parse(await nextAnswer(answers, JSON.stringify(request))));
      }
    } finally {
      child.stdin.end();
    }
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    if (before > 0) expect(noting.threads().filter((id) => id !== 0).length).toBe(1);
    expect(received.map((answer) => ('verdict' in (answer as object) ? (answer as { verdict: string }).verdict : (answer as { line: number }).line))).toEqual(['block', 'block', 'allow', before + 4]);
    expect((received[0] as { violations: { rule: string }[] }).violations.map(({ rule }) => rule)).toContain('dnc.national');
    expect((received[1] as { violations: { rule: string }[] }).violations.map(({ rule }) => rule)).toContain('hours.federal');
  }, 60_000);
});
