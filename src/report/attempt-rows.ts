import type { ScenarioResult } from '../scenario/run-scenario.js';
import type { ObservedAttempt } from '../scenario/scenario-observer.js';

/**
 * One row of the attempt table, the same for the report's table and the `--attempts-csv` export: every screening
 * of the run, with what was decided, on which rules and citations, and how the call ended.
 */
export interface AttemptRow {
  readonly attemptId: string;
  readonly leadId: string;
  readonly number: string;
  /** The screening instant, UTC. */
  readonly at: string;
  /** The callee's local time in each candidate zone (`2026-03-02 09:00:00 America/New_York`); [] when unknown. */
  readonly localTimes: readonly string[];
  readonly method: string;
  readonly verdict: 'allow' | 'block';
  /** The rules that blocked, with the citation each finding gave. */
  readonly rules: readonly { readonly rule: string; readonly citation: string; readonly message: string }[];
  /** The rules that applied but were lifted (a consent, a relationship, an exemption). */
  readonly lifted: readonly { readonly rule: string; readonly citation: string; readonly reason: string }[];
  /** How the call ended: `blocked`, or the last lifecycle state before wrap-up (`rejected`, `no-answer`...). */
  readonly outcome: string;
}

/** States a call passes after its outcome; the outcome is the state before them. */
const AFTER_OUTCOME = new Set(['wrap-up', 'done']);

/** How an observed call ended: `blocked`, its outcome state, or the state it was in when the run ended. */
export function attemptOutcome(observed: ObservedAttempt): string {
  if (observed.record.verdict === 'block') return 'blocked';
  const states = observed.path.filter((state) => !AFTER_OUTCOME.has(state));
  return states.at(-1) ?? 'dialing';
}

export function attemptRow(observed: ObservedAttempt): AttemptRow {
  const { record } = observed;
  return {
    attemptId: record.attemptId,
    leadId: record.leadId,
    number: record.to,
    at: record.at,
    localTimes: record.localTimes.map((time, index) => `${time.slice(0, 10)} ${time.slice(11, 19)} ${record.callee.timeZones[index] ?? ''}`.trimEnd()),
    method: record.method,
    verdict: record.verdict,
    rules: record.violations.map(({ rule, citation, message }) => ({ rule, citation, message })),
    lifted: record.exemptions.map(({ rule, citation, reason }) => ({ rule, citation, reason })),
    outcome: attemptOutcome(observed),
  };
}

/** Every attempt of a scenario run, in the order it was screened. */
export function attemptRows(result: ScenarioResult): AttemptRow[] {
  return result.attempts.map(attemptRow);
}
