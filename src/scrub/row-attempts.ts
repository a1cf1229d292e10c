import type { CallAttempt } from '../core/attempt.js';
import { fastCheckRequest } from '../core/fast-check-request.js';
import type { FieldMapping } from './field-mapping.js';
import { attemptOfFields, checkRequestOf, fieldReadings, rowFields, type FieldReading, type RowAttempt, type RowDefaults, type RowFields } from './row-request.js';
import type { ScrubFieldName } from './scrub-fields.js';

/** How many different rows but for their number are remembered; a list with more is validated row by row past them. */
const MOST_REMEMBERED = 4096;

/** A field the row leaves empty, as a key of the remembered rows. */
const ABSENT = Symbol('absent');

/** Remembered rows by the value of each field but the phone, in mapping order; a leaf is the attempt, or null. */
type Remembered = Map<string | boolean | symbol, Remembered | CallAttempt | null>;

/**
 * `rowAttempt` for the rows of one list, the reference (test/scrub/row-attempts.test.ts holds it to it): most lists
 * give few different rows but for their numbers (a state, a line type, the `--at` of every row), so each of those is
 * validated once, by the same schema, and a row that differs only by its number gets that attempt with its number.
 * The number is not read in validation (it is screened later), so the attempt is the one validation gives. Rows the
 * fast path does not take, and their errors, are validated row by row as before.
 */
export class RowAttempts {
  readonly #header: readonly string[];
  readonly #mapping: FieldMapping;
  readonly #defaults: RowDefaults;
  /** Every mapped field but the phone, in mapping order. */
  readonly #fields: readonly ScrubFieldName[];
  readonly #readings: readonly FieldReading[];
  readonly #remembered: Remembered = new Map();
  #count = 0;

  constructor(header: readonly string[], mapping: FieldMapping, defaults: RowDefaults) {
    this.#header = header;
    this.#mapping = mapping;
    this.#defaults = defaults;
    this.#fields = [...mapping.columns.keys()].filter((field) => field !== 'phone');
    this.#readings = fieldReadings(mapping);
  }

  attempt(cells: readonly string[]): RowAttempt {
    const fields = rowFields(cells, this.#header, this.#mapping, this.#defaults, this.#readings);
    if ('error' in fields) return fields;
    const { value } = fields;
    let node = this.#remembered;
    const last = this.#fields.length - 1;
    for (let index = 0; index < last; index++) {
      const key = value[this.#fields[index]!] ?? ABSENT;
      let next = node.get(key) as Remembered | undefined;
      if (next === undefined) {
        if (this.#count >= MOST_REMEMBERED) return this.#validated(value);
        next = new Map();
        node.set(key, next);
      }
      node = next;
    }
    const key = last < 0 ? ABSENT : (value[this.#fields[last]!] ?? ABSENT);
    let attempt = node.get(key) as CallAttempt | null | undefined;
    if (attempt === undefined) {
      if (this.#count >= MOST_REMEMBERED) return this.#validated(value);
      // Any number does for validation: it is only required to be there.
      attempt = fastCheckRequest(checkRequestOf({ ...value, phone: '0' }, this.#defaults)) ?? null;
      node.set(key, attempt);
      this.#count++;
    }
    // Null: the fast path does not take the row, so zod validates it, with its messages, row by row.
    if (attempt === null) return this.#validated(value);
    // The request's parts are shared by the rows that give them: screening reads an attempt, never changes it.
    return { attempt: { ...attempt, to: value.phone } };
  }

  #validated(value: RowFields): RowAttempt {
    return attemptOfFields(value, this.#header, this.#mapping, this.#defaults);
  }
}
