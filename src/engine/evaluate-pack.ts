import type { Decision, Exemption, Violation } from '../core/decision.js';
import { OPTIONAL_FACTS, type LocalTime, type OptionalFact, type ScreeningFacts } from '../core/facts.js';
import { pass, type EngineMessageId, type MessageData, type PolicyFacts, type PolicyOutcome, type PolicyPack } from '../core/policy.js';
import { compilePack, type CompiledPack, type CompiledPolicy } from './compile-pack.js';
import { checkExtensions } from './extension-facts.js';
import { renderTemplate } from './message-template.js';

/**
 * Runs a pack over resolved facts and combines the outcomes into a decision: block iff any violation. The engine
 * knows no rule by name; what each rule does (terminal, guarded facts, applicability) is in its own declaration.
 */
export function evaluatePack(pack: PolicyPack, facts: ScreeningFacts): Decision {
  return evaluateCompiled(compilePack(pack), facts);
}

/** `evaluatePack` over a pack already compiled, for callers that hold it (screen), sparing the cache lookup. */
export function evaluateCompiled(compiled: CompiledPack, facts: ScreeningFacts): Decision {
  for (const entry of compiled.terminal) {
    // A terminal rule that does not speak to the attempt is skipped like any other, not run regardless.
    const applies = runApplies(entry, facts);
    if (applies === false) continue;
    const outcome = applies === true ? runPolicy(entry, facts) : applies;
    if (outcome.outcome === 'violation') return decide(facts, [toViolation(entry, outcome, facts)], NO_FINDINGS);
  }

  // Made when the first finding comes: most calls have no exemption, and an allowed one no violation.
  let violations: Violation[] | undefined;
  let exemptions: Exemption[] | undefined;
  let firedGuards: Set<OptionalFact> | undefined;
  for (const entry of compiled.regular) {
    const { policy } = entry;
    const applies = runApplies(entry, facts);
    if (applies !== true) {
      if (applies !== false) (violations ??= []).push(toViolation(entry, applies, facts));
      continue;
    }
    const missing = missingFact(policy.requires, facts);
    if (missing !== undefined) {
      // Fail closed: the rule cannot be checked, so the fact's guard rule blocks in its place (once per fact).
      firedGuards ??= new Set();
      if (!firedGuards.has(missing)) {
        firedGuards.add(missing);
        const guard = compiled.guards.get(missing)!;
        const outcome = runPolicy(guard, facts);
        if (outcome.outcome === 'violation') (violations ??= []).push(toViolation(guard, outcome, facts));
      }
      continue;
    }
    const outcome = runPolicy(entry, facts);
    if (outcome.outcome === 'violation') (violations ??= []).push(toViolation(entry, outcome, facts));
    else if (outcome.outcome === 'lifted') (exemptions ??= []).push(toExemption(entry, outcome, facts));
  }
  return decide(facts, violations ?? NO_FINDINGS, exemptions ?? NO_FINDINGS);
}

/**
 * Whether `evaluateCompiled` would block these facts, found without building the decision: the first violation
 * settles it, and no finding is worded. Runs the same rules the same way (guards in place of rules whose fact is
 * missing), so its answer is the verdict's; the property tests hold it to `evaluatePack`.
 */
export function packBlocks(compiled: CompiledPack, facts: ScreeningFacts): boolean {
  for (const entry of compiled.terminal) {
    const applies = runApplies(entry, facts);
    if (applies === false) continue;
    if (applies !== true || runPolicy(entry, facts).outcome === 'violation') return true;
  }
  for (const entry of compiled.regular) {
    const applies = runApplies(entry, facts);
    if (applies !== true) {
      if (applies !== false) return true;
      continue;
    }
    const missing = missingFact(entry.policy.requires, facts);
    if (missing !== undefined) {
      if (runPolicy(compiled.guards.get(missing)!, facts).outcome === 'violation') return true;
      continue;
    }
    if (runPolicy(entry, facts).outcome === 'violation') return true;
  }
  return false;
}

/** Whether one rule blocks the attempt on its own: it applies and its evaluation is a violation (or fails). */
export function ruleBlocks(entry: CompiledPolicy, facts: ScreeningFacts): boolean {
  const applies = runApplies(entry, facts);
  if (applies === false) return false;
  if (applies !== true) return true;
  if (missingFact(entry.policy.requires, facts) !== undefined) return true;
  return runPolicy(entry, facts).outcome === 'violation';
}

function missingFact(required: readonly OptionalFact[] | undefined, facts: ScreeningFacts): OptionalFact | undefined {
  if (required === undefined) return undefined;
  for (const fact of required) if (!OPTIONAL_FACTS[fact](facts)) return fact;
  return undefined;
}

type Failure = PolicyOutcome<string> & { outcome: 'violation' };

function failed(error: unknown): Failure {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { outcome: 'violation', messageId: 'policyFailed', data: { error: text } };
}

/**
 * Whether the rule speaks to the attempt: its pack covers it and its own `applies` says so. `applies` is user code
 * too: when it throws, the rule blocks (fail closed) instead of crashing the screening.
 */
function runApplies(entry: CompiledPolicy, facts: ScreeningFacts): boolean | Failure {
  if (entry.covers !== null && !entry.covers(facts)) return false;
  try {
    return Boolean(entry.policy.applies(facts));
  } catch (error) {
    return failed(error);
  }
}

/**
 * Runs a rule on the facts, with the extension facts it declares checked and converted first. A rule that throws,
 * or returns something that is not an outcome, must neither crash the run nor let the call through: its failure is a
 * blocking finding of that rule.
 */
function runPolicy(entry: CompiledPolicy, facts: ScreeningFacts): PolicyOutcome<string> {
  let view = facts as unknown as PolicyFacts;
  if (entry.extensions !== null) {
    const checked = checkExtensions(entry.extensions, facts.extensions);
    if (!checked.ok) return { outcome: 'violation', messageId: checked.messageId, data: checked.data };
    view = { ...facts, extensions: checked.values } as PolicyFacts;
  }
  let outcome: unknown;
  try {
    outcome = entry.policy.evaluate(view);
  } catch (error) {
    return failed(error);
  }
  // Most rules pass most calls, with the shared `pass`: nothing more to check.
  if (outcome === pass) return pass;
  if (!isOutcome(outcome)) return failed(`evaluate returned ${shown(outcome)}, which is not pass, violation(...) or lifted(...)`);
  // A message id the rule does not declare cannot be explained: whatever the outcome, it blocks (fail closed).
  if (outcome.outcome !== 'pass' && !entry.templates.has(outcome.messageId)) return { ...outcome, outcome: 'violation' };
  return outcome;
}

function isOutcome(value: unknown): value is PolicyOutcome<string> {
  if (typeof value !== 'object' || value === null) return false;
  const outcome = value as { outcome?: unknown; messageId?: unknown; data?: unknown; citation?: unknown };
  if (outcome.outcome === 'pass') return true;
  if (outcome.outcome !== 'violation' && outcome.outcome !== 'lifted') return false;
  return (
    typeof outcome.messageId === 'string' &&
    typeof outcome.data === 'object' && outcome.data !== null && !Array.isArray(outcome.data) &&
    (outcome.citation === undefined || typeof outcome.citation === 'string')
  );
}

function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Sentences for the findings the engine reports on a rule's behalf; `{rule}` is the rule id. */
const ENGINE_MESSAGES: Readonly<Record<EngineMessageId, (rule: string, data: MessageData) => string>> = {
  policyFailed: (rule, data) => `rule ${rule} failed while evaluating (${String(data.error)}); the call is blocked until the rule is fixed`,
  factMissing: (rule, data) =>
    `rule ${rule} needs the fact extensions.${String(data.fact)} (${String(data.kind)}), which the attempt does not give; the call is blocked until it is given`,
  factInvalid: (rule, data) =>
    `rule ${rule} needs extensions.${String(data.fact)} as ${String(data.kind)}, got ${String(data.value)}; the call is blocked until it is given`,
};

function render(entry: CompiledPolicy, messageId: string, data: MessageData): string {
  const template = entry.templates.get(messageId);
  if (template !== undefined) return renderTemplate(template, data);
  if (Object.hasOwn(ENGINE_MESSAGES, messageId)) return ENGINE_MESSAGES[messageId as EngineMessageId](entry.policy.id, data);
  return `rule ${entry.policy.id} returned message id "${messageId}", which it does not declare; the call is blocked`;
}

/** The citation a finding reports: its own, else the rule's for these facts, else the rule's. */
function citationOf(entry: CompiledPolicy, outcome: { readonly citation?: string }, facts: ScreeningFacts): string {
  if (outcome.citation !== undefined) return outcome.citation;
  const { policy } = entry;
  if (policy.citationFor === undefined) return policy.citation;
  try {
    const citation = policy.citationFor(facts);
    return typeof citation === 'string' && citation !== '' ? citation : policy.citation;
  } catch {
    // User code too; the verdict never depends on it, and the rule's own citation is still true, only less precise.
    return policy.citation;
  }
}

function toViolation(entry: CompiledPolicy, outcome: PolicyOutcome<string> & { outcome: 'violation' }, facts: ScreeningFacts): Violation {
  const { policy } = entry;
  return { rule: policy.id, citation: citationOf(entry, outcome, facts), messageId: outcome.messageId, data: outcome.data, message: render(entry, outcome.messageId, outcome.data) };
}

function toExemption(entry: CompiledPolicy, outcome: PolicyOutcome<string> & { outcome: 'lifted' }, facts: ScreeningFacts): Exemption {
  const { policy } = entry;
  return { rule: policy.id, citation: citationOf(entry, outcome, facts), messageId: outcome.messageId, data: outcome.data, reason: render(entry, outcome.messageId, outcome.data) };
}

const zoneOf = (local: LocalTime): string => local.zone;
const isoOf = (local: LocalTime): string => local.iso;

/** The findings of a decision that has none: shared, as a decision's lists are read-only. */
const NO_FINDINGS: readonly never[] = Object.freeze([]);

function decide(facts: ScreeningFacts, violations: readonly Violation[], exemptions: readonly Exemption[]): Decision {
  // Mapped rather than pushed: an array grown by push from empty takes room for 17 entries.
  const timeZones = facts.callee.localTimes.map(zoneOf);
  const localTimes = facts.callee.localTimes.map(isoOf);
  return {
    verdict: violations.length > 0 ? 'block' : 'allow',
    violations,
    exemptions,
    callee: { e164: facts.number.e164, timeZones, localTimes, states: facts.callee.states },
  };
}
