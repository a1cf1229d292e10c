import type { CallOutcome } from '../lifecycle/call-machine.js';
import type { JurisdictionAbandonment } from './abandonment-by-jurisdiction.js';
import type { Breach } from './breaches/obligation.js';
import type { LineResponse } from './outcome-model.js';

/** What a campaign run did, in counts; every figure can be recomputed from the audit log. */
export interface CampaignSummary {
  /**
   * Every loaded lead ends in exactly one of `filteredOut`, `reached`, `exhausted`, `blockedOut` and `unfinished`, so
   * they add up to `loaded`; `doNotCall` counts some of the reached ones.
   */
  readonly leads: {
    /** Leads read from the list. */
    loaded: number;
    /** Left out by the campaign's filters before any attempt. */
    filteredOut: number;
    /** Reached a person at least once (connected to an agent). */
    reached: number;
    /** Out of attempts without being reached. */
    exhausted: number;
    /** Never reached, and set aside after `retry.maxBlockedScreenings` screenings that blocked. */
    blockedOut: number;
    /** Asked not to be called again. */
    doNotCall: number;
    /** Never reached, and still waiting for an attempt when the campaign's days ran out. */
    unfinished: number;
  };
  /** Screenings: every attempt is screened; `allowed` ones were dialed. */
  attempts: number;
  allowed: number;
  blocked: number;
  /** Attempts blocked by each rule (an attempt blocked by two rules counts for both). */
  blockedByRule: Record<string, number>;
  lineResponses: Record<LineResponse, number>;
  /** Live answers connected to an agent. */
  connects: number;
  abandoned: number;
  outcomes: Record<CallOutcome, number>;
  abandonment: {
    readonly cap: number;
    /** The highest abandonment rate of any 30-day window of the campaign. */
    maxRollingRate: number;
    /** One entry per day with live answers: the window ending that day. */
    rolling: { day: string; answered: number; abandoned: number; rate: number }[];
    /** Each jurisdiction called, against its own limit: 3% per 30 days for US numbers, 5% per calendar month for Canadian ones. */
    byJurisdiction: JurisdictionAbandonment[];
  };
  /** Attempts by the callee's local hour (first candidate zone); attempts with no known local time are not counted. */
  attemptsByLocalHour: number[];
  simulated: { from: string; to: string };
  /**
   * The campaign-level obligations the run breached (abandonment cap, 2-second rule, identification message, ring
   * time, do-not-call requests), found from its audit records; null when they were not checked.
   */
  breaches: Breach[] | null;
}

export function emptySummary(cap: number): CampaignSummary {
  return {
    leads: { loaded: 0, filteredOut: 0, reached: 0, exhausted: 0, blockedOut: 0, doNotCall: 0, unfinished: 0 },
    attempts: 0,
    allowed: 0,
    blocked: 0,
    blockedByRule: {},
    lineResponses: { 'not-in-service': 0, busy: 0, 'answering-machine': 0, answered: 0, 'no-answer': 0 },
    connects: 0,
    abandoned: 0,
    outcomes: { rejected: 0, callback: 0, meeting: 0, sale: 0, 'do-not-call': 0 },
    abandonment: { cap, maxRollingRate: 0, rolling: [], byJurisdiction: [] },
    attemptsByLocalHour: Array.from({ length: 24 }, () => 0),
    simulated: { from: '', to: '' },
    breaches: [],
  };
}
