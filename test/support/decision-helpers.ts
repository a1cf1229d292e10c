import type { Decision, Exemption, Violation } from '../../src/core/decision.js';
import type { MessageData } from '../../src/core/policy.js';

/** The verdict and the rule ids of the violations and exemptions, in order: what most rule tests compare first. */
export function rulesOf(decision: Decision): { verdict: Decision['verdict']; violations: string[]; exemptions: string[] } {
  return {
    verdict: decision.verdict,
    violations: decision.violations.map((found) => found.rule),
    exemptions: decision.exemptions.map((found) => found.rule),
  };
}

/** The violation of `ruleId`; throws, listing the violations found, when there is none. */
export function violationOf(decision: Decision, ruleId: string): Violation {
  const found = decision.violations.find((candidate) => candidate.rule === ruleId);
  if (found === undefined) throw new Error(`no ${ruleId} violation in ${JSON.stringify(decision.violations)}`);
  return found;
}

/** The exemption of `ruleId`; throws, listing the exemptions found, when there is none. */
export function exemptionOf(decision: Decision, ruleId: string): Exemption {
  const found = decision.exemptions.find((candidate) => candidate.rule === ruleId);
  if (found === undefined) throw new Error(`no ${ruleId} exemption in ${JSON.stringify(decision.exemptions)}`);
  return found;
}

/** The message id and data of the violation of `ruleId` (see {@link violationOf}), without its rendered text. */
export function findingOf(decision: Decision, ruleId: string): { messageId: string; data: MessageData } {
  const { messageId, data } = violationOf(decision, ruleId);
  return { messageId, data };
}
