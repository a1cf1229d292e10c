/**
 * Do-not-call registries behind a membership interface keyed by E.164, so a compact national-scale store (the
 * national registry holds about 250 million numbers) can replace the in-memory set without touching a policy.
 */
export interface NumberRegistry {
  has(e164: string): boolean;
  readonly size: number;
}

/** A registry held as a set of E.164 strings: right for internal lists and test or scenario-sized copies. */
export class InMemoryRegistry implements NumberRegistry {
  readonly #numbers: Set<string>;

  constructor(e164Numbers: Iterable<string> = []) {
    this.#numbers = new Set(e164Numbers);
  }

  has(e164: string): boolean {
    return this.#numbers.has(e164);
  }

  get size(): number {
    return this.#numbers.size;
  }

  add(e164: string): void {
    this.#numbers.add(e164);
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
  return {
    has: (e164) => first.has(e164) || second.has(e164),
    get size() {
      return first.size + second.size;
    },
  };
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
