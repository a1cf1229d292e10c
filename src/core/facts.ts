import type { CallerKind, CallPurpose, DialMethod, EarlierCall, LineType } from './attempt.js';

/**
 * The facts every policy reads, resolved once per attempt (src/resolve). Policies never parse a number, look up a
 * zone or search a registry themselves: that keeps them pure, small and fast.
 */
export interface ScreeningFacts {
  readonly at: number;
  readonly method: DialMethod;
  readonly purpose: CallPurpose;
  readonly seller: string;
  /** A broker-dealer's calls are under the FCC's rules and FINRA Rule 3230, not the Telemarketing Sales Rule. */
  readonly callerKind: CallerKind;
  readonly number: NumberFacts;
  readonly callee: CalleeFacts;
  readonly nationalRegistry: NationalRegistryFacts;
  /** The seller's copy of each candidate state's own do-not-call list, by state code (every candidate state has an entry). */
  readonly stateRegistries: Readonly<Record<string, RegistryCopyFacts>>;
  /** The seller's copy of Canada's National Do Not Call List. */
  readonly canadaRegistry: RegistryCopyFacts;
  readonly internalList: { readonly listed: boolean };
  /** What the call is about; null when unknown. */
  readonly subject: string | null;
  /** This seller's earlier attempts to this callee, as given; frequency rules pick the ones in their window. */
  readonly history: readonly EarlierCall[];
  readonly consents: ConsentFacts;
  readonly relationship: RelationshipFacts;
  /**
   * Facts dialsim does not resolve itself, supplied with the attempt (`extensions` in a check request): a lead's
   * postal code, its recent calls... A policy declares the ones it reads; the engine checks them before it runs.
   */
  readonly extensions: Readonly<Record<string, ExtensionValue>>;
}

/** An extension fact as supplied: JSON values; `null` means unknown. */
export type ExtensionValue = string | number | boolean | null | readonly (string | number)[];

/** `valid` numbers are dialable and inside a supported jurisdiction; the other two stop the screening. */
export type NumberValidity = 'valid' | 'invalid' | 'unsupported';

/** What kind of number libphonenumber says it is; every kind but `geographic` has no local time of its own. */
export type NumberKind = 'geographic' | 'toll-free' | 'premium-rate' | 'personal' | 'other-non-geographic';

export interface NumberFacts {
  readonly input: string;
  readonly validity: NumberValidity;
  readonly e164: string | null;
  /** ISO 3166 region libphonenumber assigns (US, PR, CA...), `null` when the number is invalid. */
  readonly region: string | null;
  readonly kind: NumberKind | null;
}

export interface LocalTime {
  readonly zone: string;
  /** ISO-8601 local date-time with the zone's offset at that instant, e.g. `2026-03-10T21:30:00-06:00`. */
  readonly iso: string;
  /** Seconds since local midnight: 08:00:00 is 28800. */
  readonly secondOfDay: number;
}

export interface CalleeFacts {
  readonly lineType: LineType;
  readonly business: boolean;
  /** Where the candidate zones came from: the lead's address, the area code, or nowhere. */
  readonly zoneSource: 'callee' | 'area-code' | 'none';
  /** One entry per candidate zone, sorted by zone name; empty when no local time can be known. */
  readonly localTimes: readonly LocalTime[];
  /**
   * Candidate states or provinces (USPS or Canadian codes), sorted: the area code's, from the numbering data, and the
   * address's (`callee.state`). Empty when neither is known.
   */
  readonly states: readonly string[];
  /** Where each candidate state came from, in the order of `states`: the area code, the address, or both. */
  readonly stateSources: readonly StateSource[];
}

export type StateSource = 'area-code' | 'address' | 'area-code+address';

/** The seller's copy of a dated do-not-call list (the national registry, a state's list). */
export interface RegistryCopyFacts {
  /**
   * `missing` when the seller supplied no copy of the list at all; `uncovered` when the copy is a registry store
   * that holds no download for the number's area code, so it cannot vouch for the number either way.
   */
  readonly copy: 'present' | 'missing' | 'uncovered';
  readonly syncedAt: number | null;
  /** Listed in the copy the seller has; `false` when there is no copy (its freshness rule blocks then). */
  readonly listed: boolean;
}

export type NationalRegistryFacts = RegistryCopyFacts;

/** The seller's (or firm's) relationship with the callee; a date after the call never counts (the rules check). */
export interface RelationshipFacts {
  readonly lastTransactionAt: number | null;
  readonly lastInquiryAt: number | null;
  /** The caller knows the callee personally (family, friend, acquaintance). */
  readonly personal: boolean;
}

/** Why there is no valid consent of a kind, when there is none. */
export type ConsentGap = 'none-on-file' | 'other-seller' | 'revoked' | 'granted-after-call';

export type ConsentStatus =
  | { readonly valid: true; readonly grantedAt: number }
  | { readonly valid: false; readonly gap: ConsentGap; readonly at: number | null };

export interface ConsentFacts {
  readonly priorExpressWritten: ConsentStatus;
  readonly priorExpress: ConsentStatus;
}

/** Facts that can be unknown; a policy that requires one is replaced by that fact's guard rule when it is. */
export const OPTIONAL_FACTS = {
  localTime: (facts: ScreeningFacts) => facts.callee.localTimes.length > 0,
  state: (facts: ScreeningFacts) => facts.callee.states.length > 0,
} as const;

export type OptionalFact = keyof typeof OPTIONAL_FACTS;
