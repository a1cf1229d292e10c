/**
 * `--policy` modules that tell threads apart, for the `--workers` tests of check and scrub. Both pass every call, so
 * the output is that of the built-in packs alone whichever thread screened it.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Module text that waits, blocking its thread, until `path` exists (a mark another thread leaves), then `settleMs`
 * more; at most 20 seconds, well inside a test's time limit, so that a broken test fails on its own assertion.
 */
function waitForMark(path: string, settleMs: number): string {
  return `{ const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      for (let waited = 0; !existsSync(${JSON.stringify(path)}) && waited < 20000; waited += 10) sleep(10);
      sleep(${settleMs}); }`;
}

/** How a module's run goes: `waitsForWorkers` for a run with worker threads (see each module); false for one without. */
export interface ThreadModuleOptions {
  readonly waitsForWorkers?: boolean;
}

/**
 * A module `name`.mjs that loads in the calling thread and refuses to load in a worker thread. Returns its path. With
 * `waitsForWorkers` (the default), its 2,000th call in the calling thread (by then more than a batch of input has
 * been read, so the workers have been started) waits until a worker has refused it: the refusal is then surely told
 * before the run ends, however loaded the machine.
 */
export function mainThreadOnlyPolicy(folder: string, name = 'main-thread-only', { waitsForWorkers = true }: ThreadModuleOptions = {}): string {
  const policy = join(folder, `${name}.mjs`);
  const refused = join(folder, `${name}.refused`);
  writeFileSync(
    policy,
    `import { existsSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
if (!isMainThread) {
  writeFileSync(${JSON.stringify(refused)}, 'refused');
  throw new Error('this module refuses worker threads');
}
let calls = 0;
export default { id: 'acme.main-only', title: 'Passes', citation: 'Acme calling policy §9', messages: { never: 'never said' },
  evaluate: () => {
    if (++calls === 2000 && ${waitsForWorkers}) ${waitForMark(refused, 200)}
    return { outcome: 'pass' };
  } };\n`,
  );
  return policy;
}

/**
 * A module `name`.mjs that notes, in a folder of its own, each thread it screens in (a file per thread id, 0 for the
 * calling thread). Returns its path and `threads()`, the ids noted so far. With `waitsForWorkers` (the default), its
 * 2,000th call in the calling thread (by then more than a batch of input has been read, so the worker threads have
 * been started) waits until a worker has loaded it, and a moment more for that worker to say it is ready: the workers
 * then take batches before that thread could screen the rest itself, however loaded the machine.
 */
export function threadNotingPolicy(folder: string, name: string, { waitsForWorkers = true }: ThreadModuleOptions = {}): { readonly policy: string; threads(): number[] } {
  const marks = join(folder, `${name}-threads`);
  const loaded = join(folder, `${name}.loaded-in-worker`);
  mkdirSync(marks);
  const policy = join(folder, `${name}.mjs`);
  writeFileSync(
    policy,
    `import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';
if (!isMainThread) writeFileSync(${JSON.stringify(loaded)}, 'loaded');
let calls = 0;
export default { id: 'acme.notes-thread', title: 'Passes', citation: 'Acme calling policy §10', messages: { never: 'never said' },
  evaluate: () => {
    calls++;
    if (calls === 1) appendFileSync(${JSON.stringify(marks)} + '/' + threadId, 'screened\\n');
    if (isMainThread && calls === 2000 && ${waitsForWorkers}) ${waitForMark(loaded, 500)}
    return { outcome: 'pass' };
  } };\n`,
  );
  return { policy, threads: () => readdirSync(marks).map(Number) };
}

/** A module that loads in the calling thread and in a worker thread never finishes loading (it waits on a timer that keeps the thread alive). Returns its path. */
export function neverReadyInWorkersPolicy(folder: string): string {
  const policy = join(folder, 'never-ready-in-workers.mjs');
  writeFileSync(
    policy,
    `import { isMainThread } from 'node:worker_threads';
if (!isMainThread) await new Promise(() => setInterval(() => {}, 60_000));
export default { id: 'acme.never-ready', title: 'Passes', citation: 'Acme calling policy §11', messages: { never: 'never said' }, evaluate: () => ({ outcome: 'pass' }) };\n`,
  );
  return policy;
}
