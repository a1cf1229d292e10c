import type { Decision } from '../core/decision.js';
import type { PolicyPack } from '../core/policy.js';
import { packsInForce } from '../engine/packs-in-force.js';
import type { Drill, DrillAnswer } from './drill.js';
import { screenRequest } from './drill-key.js';
import { whyNotBlocking } from './why-not.js';

/** One rule in feedback: what it is, where the law says so, and why it spoke to this call. */
export interface RuleFeedback {
  readonly rule: string;
  readonly title: string;
  readonly citation: string;
  /** The engine's sentence with the concrete values ("21:15 in America/Denver is at or after 21:00"). */
  readonly why: string;
  /** The rule's page, relative to the repository root (the web trainer serves it). */
  readonly docs: string;
  /** The command that prints the rule's page in a terminal: `dialsim rules hours.federal`. */
  readonly read: string;
}

/** The graded answer to one drill. */
export interface Grade {
  readonly drillId: string;
  readonly answer: DrillAnswer;
  readonly correct: boolean;
  /** Whether dial / don't dial was right, even when the named rule was not. */
  readonly verdictCorrect: boolean;
  readonly verdict: 'allow' | 'block';
  /** Every rule that blocks the call; any one of them is a correct "which rule?" answer. */
  readonly violations: readonly RuleFeedback[];
  /** Rules that applied but were lifted, with the reason (shown for allowed and blocked calls alike). */
  readonly exemptions: readonly RuleFeedback[];
  /** The rule the trainee named when it does not block this call; `why` says why not, with the call's values. */
  readonly chosen?: RuleFeedback;
  /** For an edge drill: the same call across the boundary, and what the engine decides there. */
  readonly contrast?: { readonly text: string; readonly verdict: 'allow' | 'block'; readonly rules: readonly string[] };
}

/** The docs page of a rule, as training feedback links it. */
export function ruleDocsPath(rule: string): string {
  return `docs/rules/${rule}.md`;
}

/** The command that prints a rule's page, as training feedback points at it. */
export function ruleReadCommand(rule: string): string {
  return `dialsim rules ${rule}`;
}

function ruleFeedback(pack: PolicyPack, rule: string, citation: string, why: string): RuleFeedback {
  const policy = pack.policies.find((candidate) => candidate.id === rule);
  return { rule, title: policy?.title ?? rule, citation, why, docs: ruleDocsPath(rule), read: ruleReadCommand(rule) };
}

/** The grade of `answer` against a decision: right when dial meets allow, or when the named rule is among the violations. */
export function gradeDecision(drillId: string, decision: Decision, answer: DrillAnswer, pack: PolicyPack = packsInForce()): Grade {
  const violated = decision.violations.map((violation) => violation.rule);
  const verdictCorrect = (answer.kind === 'dial') === (decision.verdict === 'allow');
  const correct = answer.kind === 'dial' ? decision.verdict === 'allow' : violated.includes(answer.rule);
  return {
    drillId,
    answer,
    correct,
    verdictCorrect,
    verdict: decision.verdict,
    violations: decision.violations.map((violation) => ruleFeedback(pack, violation.rule, violation.citation, violation.message)),
    exemptions: decision.exemptions.map((exemption) => ruleFeedback(pack, exemption.rule, exemption.citation, exemption.reason)),
  };
}

/**
 * Grades an answer to a drill by screening the drill's request afresh: the engine, not the stored key, is the judge.
 * @example
 * gradeAnswer(drill, { kind: 'block', rule: 'hours.federal' }).correct; // true when hours.federal blocks the call
 */
export function gradeAnswer(drill: Drill, answer: DrillAnswer, pack?: PolicyPack): Grade {
  // Without a pack, the drill's request chooses its own packs (all built-in ones when it names none).
  const feedbackPack = pack ?? packsInForce();
  const decided = gradeDecision(drill.id, screenRequest(drill.request, pack), answer, feedbackPack);
  const grade = answer.kind === 'block' && !decided.correct ? { ...decided, chosen: chosenFeedback(drill, answer.rule, feedbackPack, pack) } : decided;
  if (drill.edge === undefined) return grade;
  const twin = screenRequest(drill.edge.twin, pack);
  return { ...grade, contrast: { text: drill.edge.contrast, verdict: twin.verdict, rules: twin.violations.map((violation) => violation.rule) } };
}

/** The named rule that does not block the call, with why not: the engine's facts asked through the rule's own functions. */
function chosenFeedback(drill: Drill, rule: string, feedbackPack: PolicyPack, pack: PolicyPack | undefined): RuleFeedback {
  const policy = feedbackPack.policies.find((candidate) => candidate.id === rule);
  return ruleFeedback(feedbackPack, rule, policy?.citation ?? '', whyNotBlocking(drill.request, rule, pack));
}
