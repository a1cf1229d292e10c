import { availableParallelism } from 'node:os';
import { InputError } from '../core/input-error.js';

/** More threads than this only queue for the same cores. */
const MOST_WORKERS = 64;
/**
 * The default's ceiling: each worker holds the engine (about 100 MB), and a container's CPU quota is not what
 * `availableParallelism` reads, so a large host must not start a worker per core unasked.
 */
const DEFAULT_MOST_WORKERS = 8;

/**
 * The `--workers N` flag as a count of screening threads: the machine's cores (at most 8) when it is not given, 1 to
 * screen in the calling thread. Anything but a whole number from 1 to 64 is a usage error naming the flag.
 */
export function parseWorkersOption(text: string | undefined): number {
  if (text === undefined) return Math.min(availableParallelism(), DEFAULT_MOST_WORKERS);
  const count = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > MOST_WORKERS) {
    throw new InputError([{ path: '--workers', message: `expected a whole number of threads from 1 to ${MOST_WORKERS}, got "${text}"` }]);
  }
  return count;
}
