import type { CheckRequestInput } from '../core/check-request.js';

/** How hard a drill is: one rule decides; rules and exemptions interact; a fact sits on a boundary. */
export const DRILL_LEVELS = ['single', 'interacting', 'edge'] as const;
export type DrillLevel = (typeof DRILL_LEVELS)[number];

/** The engine's answer to a drill, kept with the drill so a learning system can import it without dialsim. */
export interface DrillKey {
  readonly verdict: 'allow' | 'block';
  /** Every rule that blocks the call, in the pack's report order; each one is a correct "which rule?" answer. */
  readonly rules: readonly string[];
  /** Rules that applied but were lifted (an exemption, a consent). */
  readonly exemptions: readonly string[];
}

/** Which boundary an edge drill sits on, and the same call on the other side of it (which the engine decides differently). */
export interface EdgeFacts {
  readonly kind: EdgeKind;
  /** What moves the call across the boundary, in a phrase: "had the copy been synced 2 minutes later". */
  readonly contrast: string;
  readonly twin: CheckRequestInput;
}

export const EDGE_KINDS = [
  'dst-spring-forward',
  'dst-fall-back',
  'multi-zone-area-code',
  'window-boundary',
  'consent-revoked-yesterday',
  'consent-granted-after-call',
  'relationship-past-limit',
  'registry-copy-age',
  'broker-dealer-late-call',
  'canada-autodial-mobile',
  'canada-weekend-hours',
  'state-window-edge',
  'state-banned-day',
  'state-call-cap',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Where a drill came from: the seeded generator, or a dial step of a scenario file. */
export type DrillSource =
  | { readonly kind: 'generated'; readonly seed: number; readonly level: DrillLevel; readonly index: number }
  | { readonly kind: 'scenario'; readonly file: string; readonly step: string };

/**
 * One call situation to judge: a check request (the facts), the caller's floor zone (how the rep reads the clock),
 * and the engine's answer to it.
 */
export interface Drill {
  /** Stable for the same source: `single-42-3` (level, seed, index) or `05-autodial-mobile-consent#lou-autodialed`. */
  readonly id: string;
  readonly level: DrillLevel | 'scenario';
  readonly source: DrillSource;
  readonly request: CheckRequestInput;
  /** The zone of the sales floor placing the call; the card reads the clock there as well as at the callee's. */
  readonly floorZone: string;
  readonly key: DrillKey;
  readonly edge?: EdgeFacts;
}

/** A trainee's answer: dial, or do not dial because of one named rule. */
export type DrillAnswer = { readonly kind: 'dial' } | { readonly kind: 'block'; readonly rule: string };
