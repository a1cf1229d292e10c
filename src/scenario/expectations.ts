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
      const rate = facts.counts.maxAbandonmentRate;
      const passed = (expectation.atMost === undefined || rate <= expectation.atMost) && (expectation.atLeast === undefined || rate >= expectation.atLeast);
      const expected = [expectation.atMost !== undefined && `<= ${percent(expectation.atMost)}`, expectation.atLeast !== undefined && `>= ${percent(expectation.atLeast)}`].filter(Boolean).join(' and ');
      return { description: 'highest abandonment rate of any 30-day window', passed, expected, actual: percent(rate) };
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
  'outside-calling-hours': ({ record }, facts) =>
    record.verdict === 'allow' &&
    record.purpose === 'telemarketing' &&
    facts.leads.get(record.leadId)?.business !== true &&
    (record.localTimes.length === 0 || record.localTimes.some((local) => Number(local.slice(11, 13)) < 8 || Number(local.slice(11, 13)) >= 21)),
  'internal-list': ({ record, onInternalList }) => record.verdict === 'allow' && onInternalList,
  'wireless-autodial-without-consent': ({ record }, facts) =>
    record.verdict === 'allow' &&
    record.method !== 'manual' &&
    facts.leads.get(record.leadId)?.lineType !== 'landline' &&
    !record.exemptions.some((exemption) => exemption.rule === 'consent.autodial-wireless'),
};
