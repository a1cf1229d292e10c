import type { MatcherState } from 'vitest';
import type { MatcherResult } from './matcher-result.js';
import { isDecision, notADecision, receivedBlock } from '../decision-report.js';
import { describeSpec, expectedFindings, matchesSpec, project, type FindingSpec } from './finding-spec.js';

export type ExemptionOptions = FindingSpec;

/**
 * `expect(decision).toHaveExemption('dnc.national', { messageId: 'transaction' })`: the rule applied and was lifted,
 * by that exemption when a message id is given. Whether the call is then allowed is another matcher's question.
 */
export function toHaveExemption(this: MatcherState, received: unknown, ruleId: string, options: ExemptionOptions = {}): MatcherResult {
  if (!isDecision(received)) throw notADecision('toHaveExemption', received);
  if (typeof ruleId !== 'string' || ruleId === '') throw new TypeError('toHaveExemption: give the rule id, e.g. toHaveExemption("dnc.national")');
  const pass = received.exemptions.some((exemption) => matchesSpec(exemption, ruleId, options, this.equals));
  const shownOptions = Object.keys(options).length === 0 ? '' : `, ${JSON.stringify(options)}`;
  const hint = `expect(decision)${this.isNot ? '.not' : ''}.toHaveExemption(${JSON.stringify(ruleId)}${shownOptions})`;
  const wanted = `${describeSpec(ruleId, options)} lifted by an exemption`;
  return {
    pass,
    message: () => `${hint}\n\nExpected: ${this.isNot ? `not ${wanted}` : wanted}\n${receivedBlock(received)}`,
    actual: received.exemptions.map((exemption) => project(exemption, options)),
    expected: expectedFindings(received.exemptions, ruleId, options, false),
  };
}
