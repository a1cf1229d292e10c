import { once } from 'node:events';
import { parentPort } from 'node:worker_threads';
import type { WorkerJobMessage, WorkerSetupMessage, WorkerStartMessage } from './worker-pool.js';

/** A worker's answer to one job, and the buffers in it to hand over rather than copy. */
export interface JobAnswer<Result> {
  readonly result: Result;
  readonly transfer?: readonly ArrayBuffer[];
}

/**
 * The worker side of a WorkerPool: sets up once from the pool's first message (then says "ready", or why not), then
 * answers each job in turn. A job that throws is a bug, reported to the pool with its stack, which fails the whole run.
 */
export async function serveJobs<Job, Result>(setUp: (data: unknown) => Promise<(job: Job) => JobAnswer<Result>>): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('serveJobs runs in a worker thread');
  let answer: (job: Job) => JobAnswer<Result>;
  try {
    const [{ setup }] = (await once(port, 'message')) as [WorkerSetupMessage];
    answer = await setUp(setup);
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies WorkerStartMessage);
    return;
  }
  port.on('message', ({ id, job }: { id: number; job: Job }) => {
    let message: WorkerJobMessage<Result>;
    let transfer: readonly ArrayBuffer[] = [];
    try {
      const answered = answer(job);
      message = { id, result: answered.result };
      transfer = answered.transfer ?? [];
    } catch (error) {
      message = { id, crashed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(message, [...transfer]);
  });
  port.postMessage({ ready: true } satisfies WorkerStartMessage);
}
