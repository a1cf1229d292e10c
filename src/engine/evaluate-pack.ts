import type { Decision, Exemption, Violation } from '../core/decision.js';
import { OPTIONAL_FACTS, type OptionalFact, type ScreeningFacts } from '../core/facts.js';
import type { MessageData, PolicyOutcome, PolicyPack } from '../core/policy.js';
import { compilePack, type CompiledPolicy } from './compile-pack.js';
import { renderTemplate } from './message-template.js';

/**
 * Runs a pack over resolved facts and combines the outcomes into a decision: block iff any violation. The engine
 * knows no rule by name; what each rule does (terminal, guarded facts, applicability) is in its own declaration.
 */
export function evaluatePack(pack: PolicyPack, facts: ScreeningFacts): Decision {
  const compiled = compilePack(pack);
  for (const entry of compiled.terminal) {
    const outcome = runPolicy(entry, facts);
    if (outcome.outcome === 'violation') return decide(facts, [toViolation(entry, outcome)], []);
  }

  const violations: Violation[] = [];
  const exemptions: Exemption[] = [];
  let firedGuards: Set<OptionalFact> | undefined;
  for (const entry of compiled.regular) {
    const { policy } = entry;
    if (!policy.applies(facts)) continue;
    const missing = missingFact(policy.requires, facts);
    if (missing !== undefined) {
      // Fail closed: the rule cannot be checked, so the fact's guard rule blocks in its place (once per fact).
      firedGuards ??= new Set();
      if (!firedGuards.has(missing)) {
        firedGuards.add(missing);
        const guard = compiled.guards.get(missing)!;
        const outcome = runPolicy(guard, facts);
        if (outcome.outcome === 'violation') violations.push(toViolation(guard, outcome));
      }
      continue;
    }
    const outcome = runPolicy(entry, facts);
    if (outcome.outcome === 'violation') violations.push(toViolation(entry, outcome));
    else if (outcome.outcome === 'lifted') exemptions.push(toExemption(entry, outcome));
  }
  return decide(facts, violations, exemptions);
}

function missingFact(required: readonly OptionalFact[] | undefined, facts: ScreeningFacts): OptionalFact | undefined {
  if (required === undefined) return undefined;
  for (const fact of required) if (!OPTIONAL_FACTS[fact](facts)) return fact;
  return undefined;
}

const POLICY_FAILED = 'policyFailed';

/** A rule that throws must neither crash the run nor let the call through: its failure is a blocking finding. */
function runPolicy(entry: CompiledPolicy, facts: ScreeningFacts): PolicyOutcome<string> {
  try {
    return entry.policy.evaluate(facts);
  } catch (error) {
    return { outcome: 'violation', messageId: POLICY_FAILED, data: { error: error instanceof Error ? error.message : String(error) } };
  }
}

function render(entry: CompiledPolicy, messageId: string, data: MessageData): string {
  const template = entry.templates.get(messageId);
  if (template !== undefined) return renderTemplate(template, data);
  if (messageId === POLICY_FAILED) {
    return `rule ${entry.policy.id} failed while evaluating (${String(data.error)}); the call is blocked until the rule is fixed`;
  }
  return `rule ${entry.policy.id} returned message id "${messageId}", which it does not declare; the call is blocked`;
}

function toViolation(entry: CompiledPolicy, outcome: PolicyOutcome<string> & { outcome: 'violation' }): Violation {
  const { policy } = entry;
  return { rule: policy.id, citation: policy.citation, messageId: outcome.messageId, data: outcome.data, message: render(entry, outcome.messageId, outcome.data) };
}

function toExemption(entry: CompiledPolicy, outcome: PolicyOutcome<string> & { outcome: 'lifted' }): Exemption {
  const { policy } = entry;
  return { rule: policy.id, citation: policy.citation, messageId: outcome.messageId, data: outcome.data, reason: render(entry, outcome.messageId, outcome.data) };
}

function decide(facts: ScreeningFacts, violations: Violation[], exemptions: Exemption[]): Decision {
  const timeZones: string[] = [];
  const localTimes: string[] = [];
  for (const local of facts.callee.localTimes) {
    timeZones.push(local.zone);
    localTimes.push(local.iso);
  }
  return {
    verdict: violations.length > 0 ? 'block' : 'allow',
    violations,
    exemptions,
    callee: { e164: facts.number.e164, timeZones, localTimes },
  };
}
