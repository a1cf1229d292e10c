import { Worker } from 'node:worker_threads';

/** What a pool's worker says once it has started: ready for jobs, or why it cannot take any. */
export type WorkerStartMessage = { readonly ready: true } | { readonly failed: string };

/** The first message a pool's worker is sent: what it sets up from. */
export interface WorkerSetupMessage {
  readonly setup: unknown;
}

/** A job's answer from a worker, by the job's id. */
export type WorkerJobMessage<Result> = { readonly id: number; readonly result: Result } | { readonly id: number; readonly crashed: string };

interface PoolWorker {
  readonly worker: Worker;
  /** Jobs given to this worker and not yet answered. */
  pending: number;
}

/** A worker that could not start: the message is the user's to act on (an unreadable policy module, say). */
export class WorkerStartError extends Error {}

/**
 * A fixed set of worker threads running one script, each job given to the worker with the fewest unanswered ones.
 * Answers come back as promises; a caller that awaits them in the order it gave them keeps its output in input
 * order. A worker that dies or throws rejects every job still waiting, so nothing is silently lost.
 */
export class WorkerPool<Job, Result> {
  readonly #workers: PoolWorker[];
  readonly #waiting = new Map<number, { readonly worker: PoolWorker; resolve(result: Result): void; reject(error: Error): void }>();
  #nextId = 0;
  #broken: Error | undefined;

  private constructor(workers: Worker[]) {
    // Listening from the start: a worker that fails while another is still starting must not go unheard.
    this.#workers = workers.map((worker) => ({ worker, pending: 0 }));
    for (const entry of this.#workers) {
      entry.worker.on('message', (message: WorkerJobMessage<Result> | WorkerStartMessage) => {
        if ('id' in message) this.#answer(entry, message);
      });
      entry.worker.on('error', (error) => this.#fail(error));
      // A worker never ends by itself: one that exits has failed, and later jobs would wait for it for ever.
      entry.worker.on('exit', (code) => this.#fail(new Error(`a worker thread exited (code ${code})`)));
    }
  }

  /**
   * Starts `count` workers of `script`; the promise resolves once every one is ready. Each is given `setup()`, the
   * calling thread's part of the work's setup, made once the threads exist: they load their modules meanwhile,
   * rather than after it. `setup` is the calling thread's own work, so what it throws is thrown here, at once (the
   * threads are stopped), not told as workers that could not start. `stop` ends the start (the workers are stopped
   * and the promise rejects): a caller that no longer needs them does not wait for them to load, or for ever for one
   * that never gets ready.
   */
  static start<Job, Result>(script: URL, count: number, setup: () => unknown, stop?: AbortSignal): Promise<WorkerPool<Job, Result>> {
    const workers = Array.from({ length: count }, () => new Worker(script));
    let data: unknown;
    try {
      data = setup();
    } catch (error) {
      for (const worker of workers) {
        // Whatever a stopped worker still reports is of no use to anyone: the error is the setup's.
        worker.on('error', () => {});
        void worker.terminate();
      }
      throw error;
    }
    return WorkerPool.#ready<Job, Result>(workers, data, stop);
  }

  static async #ready<Job, Result>(workers: Worker[], data: unknown, stop?: AbortSignal): Promise<WorkerPool<Job, Result>> {
    const pool = new WorkerPool<Job, Result>(workers);
    const close = () => void pool.close();
    stop?.addEventListener('abort', close, { once: true });
    try {
      const ready = Promise.all(workers.map(readiness));
      for (const worker of workers) worker.postMessage({ setup: data } satisfies WorkerSetupMessage);
      await ready;
    } catch (error) {
      await pool.close();
      throw error;
    } finally {
      stop?.removeEventListener('abort', close);
    }
    return pool;
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Jobs given and not yet answered, over every worker. */
  get unanswered(): number {
    return this.#waiting.size;
  }

  /** Gives the job to the least busy worker; the buffers in `transfer` are handed over (and unusable here), not copied. */
  run(job: Job, transfer: readonly ArrayBuffer[] = []): Promise<Result> {
    if (this.#broken !== undefined) return Promise.reject(this.#broken);
    let chosen = this.#workers[0]!;
    for (const entry of this.#workers) if (entry.pending < chosen.pending) chosen = entry;
    const id = this.#nextId++;
    chosen.pending++;
    return new Promise<Result>((resolve, reject) => {
      this.#waiting.set(id, { worker: chosen, resolve, reject });
      chosen.worker.postMessage({ id, job }, [...transfer]);
    });
  }

  /** Stops every worker; jobs still waiting are rejected. */
  async close(): Promise<void> {
    this.#fail(new Error('the worker pool was closed'));
    await Promise.all(this.#workers.map((entry) => entry.worker.terminate()));
  }

  #answer(entry: PoolWorker, message: WorkerJobMessage<Result>): void {
    const waiting = this.#waiting.get(message.id);
    if (waiting === undefined) return;
    this.#waiting.delete(message.id);
    entry.pending--;
    if ('crashed' in message) {
      this.#fail(new Error(`a worker thread failed: ${message.crashed}`));
      waiting.reject(this.#broken!);
    } else waiting.resolve(message.result);
  }

  #fail(error: Error): void {
    this.#broken ??= error;
    for (const [id, waiting] of this.#waiting) {
      this.#waiting.delete(id);
      waiting.reject(this.#broken);
    }
  }
}

function readiness(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`a worker thread exited (code ${code}) before it was ready`));
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.once('message', (message: WorkerStartMessage) => {
      worker.off('error', reject);
      worker.off('exit', onExit);
      if ('failed' in message) reject(new WorkerStartError(message.failed));
      else resolve();
    });
  });
}
