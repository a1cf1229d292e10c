import type { Decision } from '../core/decision.js';

/**
 * The decision in the shape of the check contract (../shared/check-contract.md): violations carry rule, citation
 * and message; exemptions rule and reason. Message ids and data stay in the library's Decision and the audit log.
 */
export function decisionForOutput(decision: Decision) {
  return {
    verdict: decision.verdict,
    violations: decision.violations.map(({ rule, citation, message }) => ({ rule, citation, message })),
    exemptions: decision.exemptions.map(({ rule, reason }) => ({ rule, reason })),
    callee: decision.callee,
    ...(decision.nextAllowedAt !== undefined && { nextAllowedAt: decision.nextAllowedAt }),
  };
}
