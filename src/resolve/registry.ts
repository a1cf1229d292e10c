/**
 * Do-not-call registries behind a membership interface keyed by E.164, so a compact national-scale store (the
 * national registry holds about 250 million numbers) can replace the in-memory set without touching a policy.
 */
export interface NumberRegistry {
  has(e164: string): boolean;
  readonly size: number;
}

/**
 * A registry of E.164 numbers, right for internal lists and copies up to a few million numbers. Numbers are kept by
 * value in an open-addressing hash table of doubles (every E.164 number has at most 15 digits, exact in a double):
 * a lookup reads one or two slots of a typed array, where a `Set<string>` of 200,000 numbers chased a pointer per
 * entry to compare strings, and the table holds 8 bytes a slot instead of a string each. Anything that is not
 * `+` and digits (never produced by resolution, but a caller may add it) is kept in a plain set beside it.
 */
export class InMemoryRegistry implements NumberRegistry {
  #slots: Float64Array<ArrayBufferLike> = new Float64Array(16);
  #count = 0;
  readonly #others = new Set<string>();

  constructor(e164Numbers: Iterable<string> = []) {
    for (const e164 of e164Numbers) this.add(e164);
  }

  has(e164: string): boolean {
    const key = numberKey(e164);
    if (key === 0) return this.#others.has(e164);
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let index = slotOf(key) & mask; ; index = (index + 1) & mask) {
      const slot = slots[index]!;
      if (slot === key) return true;
      if (slot === 0) return false;
    }
  }

  get size(): number {
    return this.#count + this.#others.size;
  }

  add(e164: string): void {
    const key = numberKey(e164);
    if (key === 0) {
      this.#others.add(e164);
      return;
    }
    // Kept at most half full, so that a miss ends within a slot or two.
    if ((this.#count + 1) * 2 > this.#slots.length) this.#grow();
    if (insert(this.#slots, key)) this.#count++;
  }

  /**
   * The table in memory that worker threads can read (src/workers/shared-registries.ts): moved into a
   * SharedArrayBuffer once, and read from there by this registry too. A registry shared is not added to any more.
   */
  sharedTable(): SharedNumberTable {
    if (!(this.#slots.buffer instanceof SharedArrayBuffer)) {
      const shared = new Float64Array(new SharedArrayBuffer(this.#slots.byteLength));
      shared.set(this.#slots);
      this.#slots = shared;
    }
    return { slots: this.#slots, count: this.#count, others: [...this.#others] };
  }

  /** A worker's view of a registry shared by `sharedTable`: the same memory, not a copy. */
  static fromSharedTable(table: SharedNumberTable): InMemoryRegistry {
    const registry = new InMemoryRegistry();
    registry.#slots = table.slots;
    registry.#count = table.count;
    for (const other of table.others) registry.#others.add(other);
    return registry;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Float64Array(old.length * 2);
    for (const key of old) if (key !== 0) insert(this.#slots, key);
  }
}

/** An InMemoryRegistry's table as a worker thread receives it. */
export interface SharedNumberTable {
  readonly slots: Float64Array;
  readonly count: number;
  readonly others: readonly string[];
}

/** The digits of `+13035550123` as the number 13035550123; 0 (never a key) for anything else. */
function numberKey(e164: string): number {
  const length = e164.length;
  if (length < 3 || length > 16 || e164.charCodeAt(0) !== 43) return 0;
  let key = 0;
  for (let index = 1; index < length; index++) {
    const digit = e164.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9 || (index === 1 && digit === 0)) return 0;
    key = key * 10 + digit;
  }
  return key;
}

/** A well-mixed 32-bit hash of a key of up to 53 bits. */
function slotOf(key: number): number {
  const low = key >>> 0;
  const high = (key - low) / 4_294_967_296;
  let hash = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** Puts a key in its slot; false when it was there already. */
function insert(slots: Float64Array<ArrayBufferLike>, key: number): boolean {
  const mask = slots.length - 1;
  for (let index = slotOf(key) & mask; ; index = (index + 1) & mask) {
    const slot = slots[index]!;
    if (slot === key) return false;
    if (slot === 0) {
      slots[index] = key;
      return true;
    }
  }
}

/** Membership in either of two registries: a request's own entries on top of a shared context's. */
export function unionRegistry(first: NumberRegistry, second: NumberRegistry): NumberRegistry {
  if (first.size === 0) return second;
  if (second.size === 0) return first;
  return liveUnion(first, second);
}

/** Membership in either registry, read at each lookup: for a list that grows while in use (a campaign's internal list). */
export function liveUnion(first: NumberRegistry, second: NumberRegistry): NumberRegistry {
  return new RegistryUnion(first, second);
}

/** Membership in either of two registries, kept as its two parts so that it can be shared with worker threads. */
export class RegistryUnion implements NumberRegistry {
  constructor(
    readonly first: NumberRegistry,
    readonly second: NumberRegistry,
  ) {}

  has(e164: string): boolean {
    return this.first.has(e164) || this.second.has(e164);
  }

  get size(): number {
    return this.first.size + this.second.size;
  }
}

export const EMPTY_REGISTRY: NumberRegistry = new InMemoryRegistry();

/** Registries shared by many attempts (`dialsim check --context`, a scenario, a campaign). */
export interface RegistryContext {
  readonly national?: SharedRegistryCopy;
  readonly internal?: { readonly numbers: NumberRegistry; readonly source?: string };
  /** Copies of state do-not-call lists, by state code. */
  readonly states?: ReadonlyMap<string, SharedRegistryCopy>;
  /** A copy of Canada's National Do Not Call List. */
  readonly canada?: SharedRegistryCopy;
}

/** A dated copy of a do-not-call list shared by many attempts. */
export interface SharedRegistryCopy {
  /** The copy's date; a store dates each area code instead (`areaCodeDates`), and this is null. */
  readonly syncedAt: number | null;
  readonly numbers: NumberRegistry;
  /** For a registry store: the date of the download for a number's area code, undefined where it holds none. */
  readonly areaCodeDates?: AreaCodeDates;
  /** Where the copy came from, for the audit log and the report (`inline`, a file as the scenario names it, a store); absent: unknown. */
  readonly source?: string;
}

export interface AreaCodeDates {
  syncedAtOf(e164: string): number | undefined;
  /** Every area code held, with its download's date and source and its count of numbers. */
  areaCodes(): readonly { readonly areaCode: string; readonly syncedAt: number; readonly source: string; readonly numbers: number }[];
}

/**
 * The seller's registries for a run, with an internal list that grows during it: `internalList` (the do-not-call
 * requests taken on calls) added live to the internal list the run started with. Every other copy is kept as given.
 */
export function withLiveInternalList(registries: RegistryContext | undefined, internalList: NumberRegistry): RegistryContext {
  const { internal, ...copies } = registries ?? {};
  return { ...copies, internal: { numbers: internal ? liveUnion(internal.numbers, internalList) : internalList, ...(internal?.source !== undefined && { source: internal.source }) } };
}
