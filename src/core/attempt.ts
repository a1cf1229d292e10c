import type { ExtensionValue } from './facts.js';

/** A call attempt as dialsim screens it: validated, with every instant as epoch milliseconds. */

export const DIAL_METHODS = ['manual', 'autodialer', 'prerecorded'] as const;
export type DialMethod = (typeof DIAL_METHODS)[number];

export const CALL_PURPOSES = ['telemarketing', 'informational'] as const;
export type CallPurpose = (typeof CALL_PURPOSES)[number];

export const LINE_TYPES = ['mobile', 'landline', 'unknown'] as const;
export type LineType = (typeof LINE_TYPES)[number];

/** Who places the call: an ordinary seller or telemarketer, or a broker-dealer (a FINRA member firm, outside the TSR). */
export const CALLER_KINDS = ['seller', 'broker-dealer'] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

export const CONSENT_KINDS = ['prior-express-written', 'prior-express'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export interface Consent {
  readonly kind: ConsentKind;
  readonly seller: string;
  readonly grantedAt: number;
  readonly revokedAt: number | null;
}

export interface Relationship {
  readonly lastTransactionAt: number | null;
  readonly lastInquiryAt: number | null;
  /** The caller knows the callee personally (family, friend, acquaintance): FINRA Rule 3230(b)(3). False when absent. */
  readonly personal?: boolean;
}

/** A copy of a dated do-not-call list, with its numbers as the caller wrote them. */
export interface RegistryCopy {
  readonly syncedAt: number | null;
  readonly numbers: readonly string[];
}

/** Registry numbers as the caller wrote them; resolution turns them into E.164 once. */
export interface AttemptRegistries {
  readonly national: RegistryCopy | null;
  readonly internal: { readonly numbers: readonly string[] } | null;
  /** Copies of state do-not-call lists, one per state code; none when absent. */
  readonly states?: readonly (RegistryCopy & { readonly state: string })[];
  /** The seller's copy of Canada's National Do Not Call List; none when absent. */
  readonly canada?: RegistryCopy | null;
}

/** An earlier attempt by the same seller to the same callee, for frequency caps. */
export interface EarlierCall {
  readonly at: number;
  /** What it was about; null when unknown (then it counts as the same subject: fail closed). */
  readonly subject: string | null;
}

export interface CallAttempt {
  /** When the call would be placed. */
  readonly at: number;
  readonly to: string;
  readonly method: DialMethod;
  readonly purpose: CallPurpose;
  /** `kind` is `seller` when absent. */
  readonly caller: { readonly seller: string; readonly kind?: CallerKind };
  readonly callee: {
    readonly lineType: LineType;
    readonly business: boolean;
    /** IANA zone known from the callee's address; replaces the zones inferred from the area code. */
    readonly timeZone: string | null;
    /** The state or province of the callee's address (`FL`, `ON`), added to the area code's; null when unknown. */
    readonly state?: string | null;
  };
  /** What the call is about ("solar panels"); null when unknown. */
  readonly subject?: string | null;
  /** This seller's earlier attempts to this callee, on any of the callee's numbers; none when absent. */
  readonly history?: readonly EarlierCall[];
  readonly consents: readonly Consent[];
  readonly relationship: Relationship;
  readonly registries: AttemptRegistries;
  /** The built-in packs to screen with (ids, already checked); the caller's default when absent. */
  readonly packs?: readonly string[];
  /** Facts for custom policies that dialsim does not resolve (see `ScreeningFacts.extensions`); none when absent. */
  readonly extensions?: Readonly<Record<string, ExtensionValue>>;
}
