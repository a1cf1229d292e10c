import { RegistryStore } from '../registry-store/registry-store.js';
import { plainNanpDigits } from '../resolve/phone-number.js';
import { RegistryUnion, type NumberRegistry, type RegistryContext } from '../resolve/registry.js';
import type { LeadRow } from './lead-table.js';

/**
 * Rows a scrub reads the registry stores ahead for at a time: their reads fit in the processor's cache alongside
 * screening them, where a whole batch's (a thousand rows or so) were evicted again before their turn.
 */
export const READ_AHEAD_ROWS = 64;

/**
 * Reads ahead, for the next rows of a list, the parts of the registry stores their numbers will be looked up in
 * (RegistryStore.readAhead). At the national registry's scale each lookup missed the cache two or three times, one
 * row after another, between the rest of each row's screening; read ahead together, the misses overlap. A full-scale
 * scrub of 300,000 rows spent 8% of its time in the store's lookups, and about 5% with the reads ahead included.
 * Only a hint: a number written otherwise than plainly as a NANP number (`303-555-0123 ext. 4`, `+44 20 7946 0958`,
 * letters) is not read ahead, and every lookup is made as before, so what the rows decide cannot change.
 */
export class StoreReadAhead {
  readonly #stores: readonly RegistryStore[];
  readonly #phoneColumn: number | undefined;
  readonly #numbers = new Float64Array(READ_AHEAD_ROWS);

  constructor(registries: RegistryContext | undefined, phoneColumn: number | undefined) {
    this.#stores = storesIn(registries);
    this.#phoneColumn = phoneColumn;
  }

  /** Reads ahead for rows[from .. from + READ_AHEAD_ROWS). */
  rows(rows: readonly LeadRow[], from: number): void {
    const column = this.#phoneColumn;
    if (this.#stores.length === 0 || column === undefined) return;
    const numbers = this.#numbers;
    let count = 0;
    for (let index = from; index < rows.length && index < from + READ_AHEAD_ROWS; index++) {
      const cell = rows[index]!.cells[column];
      const digits = cell === undefined ? null : plainNanpDigits(cell);
      if (digits !== null) numbers[count++] = Number(digits);
    }
    for (const store of this.#stores) store.readAhead(numbers, count);
  }
}

/** The registry stores behind the registries' copies (a store, or a store with numbers listed beside it), once each. */
export function storesIn(registries: RegistryContext | undefined): RegistryStore[] {
  const stores = new Set<RegistryStore>();
  const add = (registry: NumberRegistry | undefined): void => {
    if (registry instanceof RegistryStore) stores.add(registry);
    else if (registry instanceof RegistryUnion) {
      add(registry.first);
      add(registry.second);
    }
  };
  add(registries?.national?.numbers);
  add(registries?.canada?.numbers);
  for (const copy of registries?.states?.values() ?? []) add(copy.numbers);
  return [...stores];
}
