/**
 * `--policy` modules that tell threads apart, for the `--workers` tests of check and scrub. Both pass every call, so
 * the output is that of the built-in packs alone whichever thread screened it.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A module that loads in the calling thread and refuses to load in a worker thread. Returns its path. */
export function mainThreadOnlyPolicy(folder: string): string {
  const policy = join(folder, 'main-thread-only.mjs');
  writeFileSync(
    policy,
    `import { isMainThread } from 'node:worker_threads';
if (!isMainThread) throw new Error('this module refuses worker threads');
export default { id: 'acme.main-only', title: 'Passes', citation: 'Acme calling policy §9', messages: { never: 'never said' }, evaluate: () => ({ outcome: 'pass' }) };\n`,
  );
  return policy;
}

/**
 * A module `name`.mjs that notes, in a folder of its own, each thread it screens in (a file per thread id, 0 for the
 * calling thread). Returns its path and `threads()`, the ids noted so far. In the calling thread its 2,000th call
 * takes two seconds: by then more than a batch of input has been read (2,000 requests or rows), so the worker threads
 * have been started, and they are ready well before that thread could screen the rest itself, however loaded the
 * machine.
 */
export function threadNotingPolicy(folder: string, name: string): { readonly policy: string; threads(): number[] } {
  const marks = join(folder, `${name}-threads`);
  mkdirSync(marks);
  const policy = join(folder, `${name}.mjs`);
  writeFileSync(
    policy,
    `import { appendFileSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';
let calls = 0;
export default { id: 'acme.notes-thread', title: 'Passes', citation: 'Acme calling policy §10', messages: { never: 'never said' },
  evaluate: () => {
    calls++;
    if (calls === 1) appendFileSync(${JSON.stringify(marks)} + '/' + threadId, 'screened\\n');
    if (isMainThread && calls === 2000) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
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
