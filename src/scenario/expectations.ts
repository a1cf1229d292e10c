import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { weekdayOf } from '../core/calendar.js';
import type { Breach } from '../dialer/breaches/obligation.js';
import type { Lead } from '../dialer/campaign-config.js';
import type { RegistryContext } from '../resolve/registry.js';
import type { ScenarioCounts, StepOutcome } from './run-scenario.js';
import type { ObservedAttempt } from './scenario-observer.js';
import type { Expectation, Scenario } from './scenario-schema.js';

/** One expectation checked: what it says, whether it held, and what was expected against what happened. */
export interface ExpectationResult {
  readonly description: string;
  readonly passed: boolean;
  readonly expected: string;
  readonly actual: string;
}

interface RunFacts {
  readonly steps: readonly StepOutcome[];
  readonly attempts: readonly ObservedAttempt[];
  readonly counts: ScenarioCounts;
  readonly leads: ReadonlyMap<string, Lead>;
  readonly registries: RegistryContext;
  readonly scenario: Scenario;
  /** The campaign-level breaches the run's records show. */
  readonly breaches: readonly Breach[];
}

const sorted = (ids: readonly string[]) => [...new Set(ids)].sort();
const list = (ids: readonly string[]) => (ids.length === 0 ? 'none' : sorted(ids).join(', '));

function bounded(value: number, bound: { equals?: number | undefined; atLeast?: number | undefined; atMost?: number | undefined }) {
  const parts: string[] = [];
  let passed = true;
  if (bound.equals !== undefined) {
    parts.push(`= ${bound.equals}`);
    passed &&= value === bound.equals;
  }
  if (bound.atLeast !== undefined) {
    parts.push(`>= ${bound.atLeast}`);
    passed &&= value >= bound.atLeast;
  }
  if (bound.atMost !== undefined) {
    parts.push(`<= ${bound.atMost}`);
    passed &&= value <= bound.atMost;
  }
  return { passed, expected: parts.length === 0 ? 'any' : parts.join(' and ') };
}

const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;

/** Checks every expectation of a scenario against what the run did. */
export function evaluateExpectations(expectations: readonly Expectation[], facts: RunFacts): ExpectationResult[] {
  return expectations.map((expectation) => evaluate(expectation, facts));
}

function evaluate(expectation: Expectation, facts: RunFacts): ExpectationResult {
  switch (expectation.type) {
    case 'decision':
      return decision(expectation, facts);
    case 'count': {
      const value = expectation.of === 'blocked' && expectation.rule !== undefined ? (facts.counts.blockedByRule[expectation.rule] ?? 0) : countOf(expectation.of, facts.counts);
      const { passed, expected } = bounded(value, expectation);
      const what = expectation.rule === undefined ? expectation.of : `${expectation.of} by ${expectation.rule}`;
      return { description: `count of ${what}`, passed, expected, actual: String(value) };
    }
    case 'outcome': {
      const value = facts.counts.outcomes[expectation.outcome] ?? 0;
      const { passed, expected } = bounded(value, expectation);
      return { description: `calls ending in ${expectation.outcome}`, passed, expected, actual: String(value) };
    }
    case 'abandonment-rate': {
      const rate = expectation.jurisdiction === undefined ? facts.counts.maxAbandonmentRate : (facts.counts.maxAbandonmentRateByJurisdiction[expectation.jurisdiction] ?? 0);
      const passed = (expectation.atMost === undefined || rate <= expectation.atMost) && (expectation.atLeast === undefined || rate >= expectation.atLeast);
      const expected = [expectation.atMost !== undefined && `<= ${percent(expectation.atMost)}`, expectation.atLeast !== undefined && `>= ${percent(expectation.atLeast)}`].filter(Boolean).join(' and ');
      const description =
        expectation.jurisdiction === undefined
          ? 'highest abandonment rate of any 30-day window'
          : expectation.jurisdiction === 'US'
            ? 'highest abandonment rate of calls to US numbers, any 30-day window'
            : 'highest abandonment rate of calls to Canadian numbers, any calendar month';
      return { description, passed, expected, actual: percent(rate) };
    }
    case 'breach': {
      const found = facts.breaches.filter((breach) => breachMatches(expectation, breach));
      const where = expectation.jurisdiction === undefined ? '' : ` (${expectation.jurisdiction})`;
      return {
        description: `compliance breach of ${expectation.rule}${where} found`,
        passed: found.length > 0,
        expected: `a breach of ${expectation.rule}${where}`,
        actual: found.length === 0 ? 'none' : found.map((breach) => `${breach.jurisdiction}: ${breach.message}`).join('; '),
      };
    }
    case 'never-allowed': {
      const offending = facts.attempts.filter((attempt) => NEVER[expectation.what](attempt, facts));
      const first = offending[0]?.record;
      return {
        description: `no attempt allowed: ${expectation.what.replaceAll('-', ' ')}`,
        passed: offending.length === 0,
        expected: 'no such attempt',
        actual: first === undefined ? 'none' : `${offending.length} (first: ${first.attemptId} to lead ${first.leadId} at ${first.at})`,
      };
    }
  }
}

/** Whether a `breach` expectation names a breach: the same rule and, when it gives one, the same jurisdiction. */
export function breachMatches(expectation: Extract<Expectation, { type: 'breach' }>, breach: Breach): boolean {
  return breach.rule === expectation.rule && (expectation.jurisdiction === undefined || breach.jurisdiction === expectation.jurisdiction);
}

function countOf(of: Extract<Expectation, { type: 'count' }>['of'], counts: ScenarioCounts): number {
  switch (of) {
    case 'attempts':
      return counts.attempts;
    case 'allowed':
      return counts.allowed;
    case 'blocked':
      return counts.blocked;
    case 'connects':
      return counts.connects;
    case 'abandoned':
      return counts.abandoned;
    case 'dnc-requests':
      return counts.dncRequests;
    case 'leads-reached':
      return counts.leadsReached;
    case 'leads-exhausted':
      return counts.leadsExhausted;
  }
}

function decision(expectation: Extract<Expectation, { type: 'decision' }>, facts: RunFacts): ExpectationResult {
  const target = expectation.step !== undefined ? `step ${expectation.step}` : `attempt ${expectation.nth} to ${expectation.lead}`;
  const attempt =
    expectation.step !== undefined
      ? facts.steps.find((outcome) => outcome.step.id === expectation.step)?.attempt
      : facts.attempts.filter((candidate) => candidate.record.leadId === expectation.lead)[expectation.nth - 1];
  const wanted: string[] = [];
  if (expectation.verdict !== undefined) wanted.push(expectation.verdict);
  if (expectation.rules !== undefined) wanted.push(`blocked by ${list(expectation.rules)}`);
  if (expectation.exemptions !== undefined) wanted.push(`exemptions ${list(expectation.exemptions)}`);
  const expected = wanted.join('; ') || 'an attempt';
  if (attempt === undefined) return { description: `decision for ${target}`, passed: false, expected, actual: 'no such attempt was made' };
  const { record } = attempt;
  const rules = record.violations.map((violation) => violation.rule);
  const exemptions = record.exemptions.map((exemption) => exemption.rule);
  const passed =
    (expectation.verdict === undefined || record.verdict === expectation.verdict) &&
    (expectation.rules === undefined || list(rules) === list(expectation.rules)) &&
    (expectation.exemptions === undefined || list(exemptions) === list(expectation.exemptions));
  const actual = `${record.verdict}; blocked by ${list(rules)}; exemptions ${list(exemptions)}`;
  return { description: `decision for ${target} (${record.attemptId})`, passed, expected, actual };
}

/**
 * Independent re-checks of the engine's output, from the attempt records and the scenario's own data: each says
 * whether an allowed attempt is one that should never have been allowed.
 */
const NEVER: Record<Extract<Expectation, { type: 'never-allowed' }>['what'], (attempt: ObservedAttempt, facts: RunFacts) => boolean> = {
  'national-registry-without-exemption': ({ record }, facts) =>
    record.verdict === 'allow' &&
    record.purpose === 'telemarketing' &&
    facts.leads.get(record.leadId)?.business !== true &&
    (facts.registries.national?.numbers.has(record.to) ?? false) &&
    !record.exemptions.some((exemption) => exemption.rule === 'dnc.national'),
  'outside-calling-hours': ({ record }, facts) => {
    if (record.verdict !== 'allow' || record.purpose !== 'telemarketing') return false;
    const canadian = isCanadian(record.to);
    // Canada's hours reach business lines too; the US windows protect residences only.
    if (!canadian && facts.leads.get(record.leadId)?.business === true) return false;
    // A broker-dealer's call to a customer is outside the FCC's window by law, and says so as an exemption.
    if (!canadian && record.exemptions.some((exemption) => exemption.rule === 'hours.federal')) return false;
    return record.localTimes.length === 0 || record.localTimes.some((local) => !insideCallingHours(local, canadian));
  },
  'internal-list': ({ record, onInternalList }) => record.verdict === 'allow' && onInternalList,
  'wireless-autodial-without-consent': ({ record }, facts) => {
    if (record.verdict !== 'allow' || record.method === 'manual') return false;
    // Canada's rule is about prerecorded (ADAD) calls to any line; an autodialed call with a live agent is not one.
    if (isCanadian(record.to)) return record.method === 'prerecorded' && !record.exemptions.some((exemption) => exemption.rule === 'consent.adad-canada');
    return facts.leads.get(record.leadId)?.lineType !== 'landline' && !record.exemptions.some((exemption) => exemption.rule === 'consent.autodial-wireless');
  },
};

function isCanadian(e164: string): boolean {
  return parsePhoneNumberFromString(e164)?.country === 'CA';
}

/**
 * The calling hours, worked out here from the local time alone and not by the engine, so that the check is
 * independent of it: 08:00–21:00 in the US, 09:00–21:30 on weekdays and 10:00–18:00 on weekends in Canada.
 */
function insideCallingHours(localIso: string, canadian: boolean): boolean {
  const minute = Number(localIso.slice(11, 13)) * 60 + Number(localIso.slice(14, 16));
  if (!canadian) return minute >= 8 * 60 && minute < 21 * 60;
  const weekend = ['saturday', 'sunday'].includes(weekdayOf(localIso.slice(0, 10)));
  return weekend ? minute >= 10 * 60 && minute < 18 * 60 : minute >= 9 * 60 && minute < 21 * 60 + 30;
}
