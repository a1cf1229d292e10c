import type { MatcherState } from 'vitest';
import type { MatcherResult } from './matcher-result.js';
import { isDecision, notADecision, receivedBlock } from '../decision-report.js';
import { describeSpec, expectedFindings, matchesSpec, project, type FindingSpec } from './finding-spec.js';

export interface BlockedByOptions extends FindingSpec {
  /** The rule must be the only one that blocks; by default others may block too. */
  readonly only?: boolean;
}

/**
 * `expect(decision).toBeBlockedBy('hours.federal', { messageId: 'afterWindow' })`: the rule is among the
 * violations (or, with `only`, is the only one), with that message id and data when given. A failure lists every
 * finding and returns the violations for the diff.
 */
export function toBeBlockedBy(this: MatcherState, received: unknown, ruleId: string, options: BlockedByOptions = {}): MatcherResult {
  if (!isDecision(received)) throw notADecision('toBeBlockedBy', received);
  if (typeof ruleId !== 'string' || ruleId === '') throw new TypeError('toBeBlockedBy: give the rule id, e.g. toBeBlockedBy("hours.federal")');
  const { only = false, ...spec } = options;
  const matching = received.violations.filter((violation) => matchesSpec(violation, ruleId, spec, this.equals));
  const pass = matching.length > 0 && (!only || matching.length === received.violations.length);
  const shownOptions = Object.keys(options).length === 0 ? '' : `, ${JSON.stringify(options)}`;
  const hint = `expect(decision)${this.isNot ? '.not' : ''}.toBeBlockedBy(${JSON.stringify(ruleId)}${shownOptions})`;
  const wanted = `blocked by ${describeSpec(ruleId, spec)}${only ? ', and by no other rule' : ''}`;
  return {
    pass,
    message: () => `${hint}\n\nExpected: ${this.isNot ? `not ${wanted}` : wanted}\n${receivedBlock(received)}`,
    actual: received.violations.map((violation) => project(violation, spec)),
    expected: expectedFindings(received.violations, ruleId, spec, only),
  };
}
