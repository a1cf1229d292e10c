import type { CheckRequestInput } from '../core/check-request.js';

/** The `registries` of a check request. */
export type RegistriesInput = NonNullable<CheckRequestInput['registries']>;

export interface RegistryOverrides {
  /** Numbers on the seller's copy of the national registry, any format; `null` for no copy at all. */
  readonly national?: readonly string[] | null;
  /** When the national copy was obtained: 1 March 2026 by default, fresh for the default call. */
  readonly syncedAt?: string;
  /** Numbers on the seller's internal do-not-call list; no list when absent. */
  readonly internal?: readonly string[];
  /** Copies of state do-not-call lists by state code, each synced at `syncedAt`, holding the numbers given. */
  readonly states?: Readonly<Record<string, readonly string[]>>;
  /** Numbers on the seller's copy of Canada's DNCL, synced at `syncedAt`; no copy when absent. */
  readonly canada?: readonly string[];
}

/**
 * A check request's registries: a fresh national copy (synced 1 March 2026) holding `national`, an internal list
 * holding `internal`, state list copies by code (`states`) and a DNCL copy (`canada`) when given, all synced together.
 * @example
 * aCheckRequest({ registries: aRegistry({ national: ['303-555-0123'] }) })
 * aCheckRequest({ to: '(305) 555-0123', registries: aRegistry({ states: { FL: ['305-555-0123'] } }) })
 */
export function aRegistry(overrides: RegistryOverrides = {}): RegistriesInput {
  const { national = [], syncedAt = '2026-03-01', internal, states, canada } = overrides;
  return {
    ...(national !== null && { national: { syncedAt, numbers: [...national] } }),
    ...(internal !== undefined && { internal: { numbers: [...internal] } }),
    ...(states !== undefined && { states: Object.fromEntries(Object.entries(states).map(([state, numbers]) => [state, { syncedAt, numbers: [...numbers] }])) }),
    ...(canada !== undefined && { canada: { syncedAt, numbers: [...canada] } }),
  };
}
