import { availableParallelism } from 'node:os';
import { InputError } from '../core/input-error.js';

/** More threads than this only queue for the same cores. */
const MOST_WORKERS = 64;

/**
 * The `--workers N` flag as a count of screening threads: the machine's cores when it is not given, 1 to screen in
 * the calling thread. Anything but a whole number from 1 to 64 is a usage error naming the flag.
 */
export function parseWorkersOption(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  const count = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > MOST_WORKERS) {
    throw new InputError([{ path: '--workers', message: `expected a whole number of threads from 1 to ${MOST_WORKERS}, got "${text}"` }]);
  }
  return count;
}
