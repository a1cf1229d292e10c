import type { ExtensionValue } from './facts.js';

/** A call attempt as dialsim screens it: validated, with every instant as epoch milliseconds. */

export const DIAL_METHODS = ['manual', 'autodialer', 'prerecorded'] as const;
export type DialMethod = (typeof DIAL_METHODS)[number];

export const CALL_PURPOSES = ['telemarketing', 'informational'] as const;
export type CallPurpose = (typeof CALL_PURPOSES)[number];

export const LINE_TYPES = ['mobile', 'landline', 'unknown'] as const;
export type LineType = (typeof LINE_TYPES)[number];

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
}

/** Registry numbers as the caller wrote them; resolution turns them into E.164 once. */
export interface AttemptRegistries {
  readonly national: { readonly syncedAt: number | null; readonly numbers: readonly string[] } | null;
  readonly internal: { readonly numbers: readonly string[] } | null;
}

export interface CallAttempt {
  /** When the call would be placed. */
  readonly at: number;
  readonly to: string;
  readonly method: DialMethod;
  readonly purpose: CallPurpose;
  readonly caller: { readonly seller: string };
  readonly callee: {
    readonly lineType: LineType;
    readonly business: boolean;
    /** IANA zone known from the callee's address; replaces the zones inferred from the area code. */
    readonly timeZone: string | null;
  };
  readonly consents: readonly Consent[];
  readonly relationship: Relationship;
  readonly registries: AttemptRegistries;
  /** The built-in packs to screen with (ids, already checked); the caller's default when absent. */
  readonly packs?: readonly string[];
  /** Facts for custom policies that dialsim does not resolve (see `ScreeningFacts.extensions`); none when absent. */
  readonly extensions?: Readonly<Record<string, ExtensionValue>>;
}
