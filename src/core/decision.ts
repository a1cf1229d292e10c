import type { MessageData } from './policy.js';

/** A rule that blocks the attempt, with its citation and its message rendered from the rule's template. */
export interface Violation {
  readonly rule: string;
  readonly citation: string;
  readonly messageId: string;
  readonly data: MessageData;
  readonly message: string;
}

/** A rule that applied but was lifted (an exemption, a consent), and why. */
export interface Exemption {
  readonly rule: string;
  readonly citation: string;
  readonly messageId: string;
  readonly data: MessageData;
  readonly reason: string;
}

/** The screening decision for one attempt: block iff any violation. */
export interface Decision {
  readonly verdict: 'allow' | 'block';
  readonly violations: readonly Violation[];
  readonly exemptions: readonly Exemption[];
  readonly callee: {
    readonly e164: string | null;
    readonly timeZones: readonly string[];
    readonly localTimes: readonly string[];
    /** Candidate states or provinces, sorted; [] when none is known. */
    readonly states: readonly string[];
  };
  /**
   * When every violation is a time rule's (hours, days, frequency): the earliest instant within 14 days at which the
   * same call would pass them all, as ISO-8601 in the callee's first candidate zone. Absent otherwise.
   */
  readonly nextAllowedAt?: string;
}
