import { WorkerPool } from './worker-pool.js';

/** Jobs a worker may have waiting before the calling thread does the next one itself. */
const JOBS_PER_WORKER = 2;

/**
 * Worker threads beside the calling thread, which is not held up while they start: it does the jobs itself
 * meanwhile, and every job if they cannot start (`onUnavailable` is told why). `check --ndjson` and `scrub` use it,
 * their calling thread being one of their `--workers` threads.
 */
export class WorkersAlongside<Job, Result> {
  #pool: WorkerPool<Job, Result> | undefined;
  readonly #starting: Promise<WorkerPool<Job, Result> | undefined>;
  readonly #stop = new AbortController();

  /** `setup` is made once the threads exist (WorkerPool.start); what it throws is thrown here. */
  constructor(script: URL, count: number, setup: () => unknown, onUnavailable?: (reason: string) => void) {
    this.#starting = WorkerPool.start<Job, Result>(script, count, setup, this.#stop.signal).then(
      (pool) => (this.#pool = pool),
      (error: Error) => {
        if (!this.#stop.signal.aborted) onUnavailable?.(error.message);
        return undefined;
      },
    );
  }

  /** The pool, once started and while its workers have fewer than two jobs each; otherwise do the job here. */
  withRoom(): WorkerPool<Job, Result> | undefined {
    const pool = this.#pool;
    return pool !== undefined && pool.unanswered < pool.size * JOBS_PER_WORKER ? pool : undefined;
  }

  /** Stops the workers, and a start still under way: by the end every job has been done without them. */
  async close(): Promise<void> {
    this.#stop.abort();
    await (await this.#starting)?.close();
  }
}
