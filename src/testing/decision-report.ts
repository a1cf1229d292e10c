import type { Decision, Exemption, Violation } from '../core/decision.js';

/** True for a value shaped like the decision `screen` returns. */
export function isDecision(value: unknown): value is Decision {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Decision>;
  return (candidate.verdict === 'allow' || candidate.verdict === 'block') && Array.isArray(candidate.violations) && Array.isArray(candidate.exemptions);
}

/** The error a matcher throws when it is given something that is not a decision. */
export function notADecision(matcher: string, received: unknown): TypeError {
  const shown = received === undefined ? 'undefined' : (JSON.stringify(received) ?? String(received));
  return new TypeError(
    `${matcher}: expected a dialsim Decision (what screen() returns), received ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}`,
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `allowed`, `allowed, with 1 exemption`, `blocked by 2 rules, with 1 exemption`. */
export function verdictSummary(decision: Decision): string {
  const exemptions = decision.exemptions.length === 0 ? '' : `, with ${plural(decision.exemptions.length, 'exemption')}`;
  return decision.verdict === 'allow' ? `allowed${exemptions}` : `blocked by ${plural(decision.violations.length, 'rule')}${exemptions}`;
}

function violationLine(violation: Violation): string {
  return `  ✖ ${violation.rule} (${violation.messageId}) ${violation.message}`;
}

function exemptionLine(exemption: Exemption): string {
  return `  ↷ ${exemption.rule} (${exemption.messageId}) lifted: ${exemption.reason}`;
}

/**
 * Every finding of the decision, one per line, with rule id, message id and sentence; then a note for each rule
 * that failed while evaluating, so a broken custom policy reads as broken rather than as a block.
 */
export function findingLines(decision: Decision): string[] {
  const lines = [...decision.violations.map(violationLine), ...decision.exemptions.map(exemptionLine)];
  for (const violation of decision.violations) {
    if (violation.messageId === 'policyFailed') {
      lines.push(`  note: ${violation.rule} threw (${String(violation.data.error)}); the engine blocks every call it cannot evaluate: fix the rule`);
    }
  }
  return lines;
}

/** `Received: blocked by 1 rule` followed by the finding lines. */
export function receivedBlock(decision: Decision): string {
  return [`Received: ${verdictSummary(decision)}`, ...findingLines(decision)].join('\n');
}
