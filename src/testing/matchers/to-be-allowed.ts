import type { MatcherState } from 'vitest';
import type { MatcherResult } from './matcher-result.js';
import { isDecision, notADecision, receivedBlock } from '../decision-report.js';

/**
 * `expect(decision).toBeAllowed()`: the screening let the call through (exemptions may have lifted rules). A failure
 * lists every finding, with rule id, message id and sentence.
 */
export function toBeAllowed(this: MatcherState, received: unknown): MatcherResult {
  if (!isDecision(received)) throw notADecision('toBeAllowed', received);
  const pass = received.verdict === 'allow';
  const hint = `expect(decision)${this.isNot ? '.not' : ''}.toBeAllowed()`;
  return {
    pass,
    message: () => `${hint}\n\nExpected: ${this.isNot ? 'blocked' : 'allowed'}\n${receivedBlock(received)}`,
    actual: { verdict: received.verdict, violations: received.violations.map(({ rule, messageId, message }) => ({ rule, messageId, message })) },
    expected: { verdict: this.isNot ? 'block' : 'allow', violations: [] },
  };
}
