import { resolve } from 'node:path';
import { InputError } from '../core/input-error.js';
import { parseInstantOrDate } from '../core/instant.js';
import type { NumberRegistry, SharedRegistryCopy } from '../resolve/registry.js';
import { openStore, storeCopy } from './store-copy.js';

/** How a context or a scenario file gives a dated list: a `syncedAt`, or a registry store that dates itself. */
export interface DatedListSource {
  readonly syncedAt?: string | undefined;
  readonly store?: string | undefined;
}

export interface DatedListOptions {
  /** The folder the store's path is relative to (the context's or the scenario's). */
  readonly base: string;
  /** The list's field under `registries` (`national`, `states.FL`), to name in an error. */
  readonly field: string;
  /** Where the copy came from, for the audit log, when it is not a store. */
  readonly source?: string;
  /** Where `registries.<field>.store` is in its file (`scenario.yaml:8:5`), when the caller knows. */
  readonly location?: string;
}

/**
 * One dated list copy, as `--context` and scenario files share it: a store (each area code dated by its download)
 * or numbers dated by `syncedAt`, with `listed` (the numbers and files beside it) added. The schemas have already
 * refused a store with a `syncedAt`. A store that cannot be opened is an InputError naming the field.
 */
export function datedListCopy(copy: DatedListSource, listed: NumberRegistry, options: DatedListOptions): SharedRegistryCopy {
  if (copy.store === undefined) {
    return { syncedAt: copy.syncedAt === undefined ? null : (parseInstantOrDate(copy.syncedAt) as number), numbers: listed, ...(options.source !== undefined && { source: options.source }) };
  }
  try {
    return storeCopy(openStore(resolve(options.base, copy.store)), copy.store, listed);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const path = `registries.${options.field}.store`;
    throw new InputError(error.problems.map((problem) => ({ ...problem, path, ...(options.location !== undefined && { location: options.location }) })));
  }
}
