import type { ScenarioResult } from '../scenario/run-scenario.js';

/**
 * The figures the report plots, derived from one scenario's result. Attempts are read from the attempt records
 * (scripted steps and campaign together), so each chart covers the same attempts as the result's counts.
 */

const DAY_MS = 86_400_000;
/** A run whose attempts span more days than this plots only the days with attempts. */
const MAX_CONTINUOUS_DAYS = 400;

/** The federal safe harbor: at most 3% of live answers abandoned per 30-day window (47 CFR 64.1200(a)(7)). */
export const DEFAULT_ABANDON_CAP = 0.03;

export interface DayAttempts {
  /** A UTC day, `2026-03-02`. */
  readonly day: string;
  readonly allowed: number;
  /** Blocked attempts by the first rule that blocked each one. */
  readonly blockedByFirstRule: Readonly<Record<string, number>>;
}

export interface AttemptsByDay {
  readonly days: readonly DayAttempts[];
  /** Rules that blocked at least one attempt first, most blocks first (ties by id). */
  readonly rules: readonly string[];
  /** Blocks by first rule over the whole run. */
  readonly firstRuleTotals: Readonly<Record<string, number>>;
  /** Blocks by every rule (an attempt blocked by two rules counts for both), as `counts.blockedByRule`. */
  readonly everyRuleTotals: Readonly<Record<string, number>>;
  /** Attempts that more than one rule blocked. */
  readonly multiRuleBlocks: number;
  /** Whether days without attempts are left out (a run spread over more than 400 days). */
  readonly sparse: boolean;
}

const isoDay = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
const dayNumberOf = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Attempts per UTC day (the day the abandonment window counts in), allowed ones and blocked ones by the first rule
 * that blocked them, so each day's bar adds up to its attempts. Days between the first and the last are filled in.
 */
export function attemptsByDay(result: ScenarioResult): AttemptsByDay {
  const byDay = new Map<string, { allowed: number; blockedByFirstRule: Record<string, number> }>();
  const firstRuleTotals: Record<string, number> = {};
  const everyRuleTotals: Record<string, number> = {};
  let multiRuleBlocks = 0;
  for (const { record } of result.attempts) {
    const day = record.at.slice(0, 10);
    let entry = byDay.get(day);
    if (entry === undefined) byDay.set(day, (entry = { allowed: 0, blockedByFirstRule: {} }));
    const first = record.violations[0]?.rule;
    if (record.verdict === 'allow' || first === undefined) {
      entry.allowed++;
      continue;
    }
    entry.blockedByFirstRule[first] = (entry.blockedByFirstRule[first] ?? 0) + 1;
    firstRuleTotals[first] = (firstRuleTotals[first] ?? 0) + 1;
    for (const violation of record.violations) everyRuleTotals[violation.rule] = (everyRuleTotals[violation.rule] ?? 0) + 1;
    if (record.violations.length > 1) multiRuleBlocks++;
  }
  const seen = [...byDay.keys()].sort();
  let days = seen;
  let sparse = false;
  if (seen.length > 1) {
    const first = dayNumberOf(seen[0]!);
    const span = dayNumberOf(seen.at(-1)!) - first + 1;
    if (span <= MAX_CONTINUOUS_DAYS) days = Array.from({ length: span }, (_, index) => isoDay(first + index));
    else sparse = true;
  }
  const rules = Object.keys(firstRuleTotals).sort((a, b) => firstRuleTotals[b]! - firstRuleTotals[a]! || (a < b ? -1 : 1));
  return {
    days: days.map((day) => ({ day, allowed: byDay.get(day)?.allowed ?? 0, blockedByFirstRule: byDay.get(day)?.blockedByFirstRule ?? {} })),
    rules,
    firstRuleTotals,
    everyRuleTotals,
    multiRuleBlocks,
    sparse,
  };
}

export interface AttemptsByLocalHour {
  /** 24 entries, hour 0 to 23 in the callee's local time. */
  readonly hours: readonly { readonly allowed: number; readonly blocked: number }[];
  /** Attempts whose local time was unknown (an unknown zone, an invalid number). */
  readonly unknown: number;
  /** Attempts to numbers with more than one candidate zone (counted in the first). */
  readonly multiZone: number;
}

/** Attempts by the callee's local hour in the first candidate zone, as the campaign summary counts them. */
export function attemptsByLocalHour(result: ScenarioResult): AttemptsByLocalHour {
  const hours = Array.from({ length: 24 }, () => ({ allowed: 0, blocked: 0 }));
  let unknown = 0;
  let multiZone = 0;
  for (const { record } of result.attempts) {
    const local = record.localTimes[0];
    const hour = local === undefined ? Number.NaN : Number(local.slice(11, 13));
    if (!(hour >= 0 && hour < 24)) {
      unknown++;
      continue;
    }
    if (record.localTimes.length > 1) multiZone++;
    if (record.verdict === 'allow') hours[hour]!.allowed++;
    else hours[hour]!.blocked++;
  }
  return { hours, unknown, multiZone };
}

export type AbandonmentSeries =
  | {
      readonly kind: 'rolling';
      readonly cap: number;
      readonly points: readonly { day: string; answered: number; abandoned: number; rate: number }[];
      /** Live answers in scripted steps, which the campaign's window does not count. */
      readonly scriptedAnswered: number;
    }
  | { readonly kind: 'single'; readonly cap: number; readonly answered: number; readonly abandoned: number };

/** The campaign's rolling 30-day abandonment rates, or, without a campaign, the one rate over the scripted calls. */
export function abandonmentSeries(result: ScenarioResult): AbandonmentSeries {
  if (result.campaign !== null) {
    const scriptedAnswered = result.steps.filter((step) => step.attempt?.path.includes('answered') === true).length;
    return { kind: 'rolling', cap: result.campaign.abandonment.cap, points: result.campaign.abandonment.rolling, scriptedAnswered };
  }
  return { kind: 'single', cap: DEFAULT_ABANDON_CAP, answered: result.counts.answered, abandoned: result.counts.abandoned };
}

export interface Funnel {
  readonly attempts: number;
  readonly allowed: number;
  readonly answered: number;
  readonly connects: number;
  readonly meetingsAndSales: number;
  /** How the live answers ended: abandoned, or each outcome of a connected call. */
  readonly breakdown: Readonly<Record<string, number>>;
}

/** Attempts → allowed → answered → connects → meetings and sales, and the outcome of every live answer. */
export function funnel(result: ScenarioResult): Funnel {
  const { counts } = result;
  const outcomes = counts.outcomes;
  return {
    attempts: counts.attempts,
    allowed: counts.allowed,
    answered: counts.answered,
    connects: counts.connects,
    meetingsAndSales: (outcomes['meeting'] ?? 0) + (outcomes['sale'] ?? 0),
    breakdown: { abandoned: counts.abandoned, ...outcomes },
  };
}
