import { decisionForOutput } from '../cli/decision-output.js';
import { parseCheckRequest } from '../core/check-request.js';
import type { OptionalFact } from '../core/facts.js';
import type { Policy, PolicyExample, PolicyPack } from '../core/policy.js';
import { DEFAULT_PACK_IDS } from '../engine/packs-in-force.js';
import { screen } from '../engine/screen.js';

/**
 * A rule's page as data, built once from the policy metadata: docs/rules/<id>.md (scripts/generate-rules-docs.ts),
 * `dialsim rules ID` and the web trainer's rule page each render this, so the three cannot say different things.
 */

/** A piece of running text: plain words, a rule id (a link where the output has links), or a fact by name. */
export type Inline = string | { readonly rule: string } | { readonly fact: OptionalFact };

export type ExampleDecision = ReturnType<typeof decisionForOutput>;

export interface RulePageExample {
  readonly title: string;
  readonly request: PolicyExample['request'];
  /** What `dialsim check --json` prints for the request, screened with the page's pack. */
  readonly decision: ExampleDecision;
}

export interface RulePage {
  readonly id: string;
  readonly title: string;
  readonly citation: string;
  /** The pack, among those a combined pack was made of, that declares the rule; `optIn` when only `--packs` brings it in. */
  readonly pack: { readonly id: string; readonly title: string; readonly optIn: boolean };
  /** The rule's source file, by the convention that it is the kebab form of the id (`hours.federal` → `hours-federal.ts`). */
  readonly source: string;
  /** When it blocks. */
  readonly description: string;
  /** What lifts it; empty when nothing does. */
  readonly exemptions: readonly string[];
  /** How the engine runs it, from its `terminal`, `requires` and `guards` metadata: one sentence each. */
  readonly engine: readonly (readonly Inline[])[];
  readonly messages: readonly { readonly id: string; readonly template: string }[];
  readonly examples: readonly RulePageExample[];
  /** The page of the facts the rule's pack reads, each with its citation and confidence mark, when the pack has one. */
  readonly facts?: FactsPageRef;
}

/** A generated page of a jurisdiction's cited facts (docs/rules/<name>.md), by its name: `canada`. */
export interface FactsPageRef {
  readonly name: string;
  readonly title: string;
  readonly path: string;
}

/**
 * The facts pages scripts/generate-rules-docs.ts writes, by the pack whose rules read them; test/rule-page checks
 * that each is a page the generator writes.
 */
export const FACTS_PAGES: Readonly<Record<string, FactsPageRef>> = {
  'us-states': { name: 'states', title: 'The state table', path: 'docs/rules/states.md' },
  canada: { name: 'canada', title: "Canada's facts", path: 'docs/rules/canada.md' },
  'canada-provinces': { name: 'canada', title: "Canada's facts (the province rows)", path: 'docs/rules/canada.md' },
  finra: { name: 'finra', title: "FINRA Rule 3230's facts", path: 'docs/rules/finra.md' },
};

/** What an optional fact means, for readers; a fact without an entry is shown by its name. */
const FACT_WORDS: Partial<Record<OptionalFact, string>> = {
  localTime: "the callee's local time",
};

export function factWords(fact: OptionalFact): string {
  return FACT_WORDS[fact] ?? fact;
}

/** The pack, among those a combined pack was made of, that declares the rule. */
export function memberOf(pack: PolicyPack, policy: Policy): PolicyPack {
  return (pack.members ?? [pack]).find((member) => member.policies.includes(policy)) ?? pack;
}

/** Screens an example exactly as `dialsim check --json` would and returns the printed decision. */
export function runExample(pack: PolicyPack, example: PolicyExample): ExampleDecision {
  return decisionForOutput(screen(parseCheckRequest(example.request), { pack }));
}

function engineNotes(pack: PolicyPack, policy: Policy): Inline[][] {
  const notes: Inline[][] = [];
  if (policy.terminal) notes.push(['Terminal: when it blocks, the screening stops and it is the only violation reported.']);
  for (const fact of policy.requires ?? []) {
    const guard = pack.policies.find((candidate) => candidate.guards === fact);
    notes.push([
      'Needs ',
      { fact },
      '. When that is unknown the rule is not checked: ',
      ...(guard ? [{ rule: guard.id }, ' blocks in its place (fail closed).'] : ['the pack has no guard rule for it.']),
    ]);
  }
  if (policy.guards !== undefined) {
    const guarded = pack.policies.filter((candidate) => candidate.requires?.includes(policy.guards!));
    notes.push([
      'Guard rule for ',
      { fact: policy.guards },
      ': it never runs on its own. It blocks in place of ',
      ...(guarded.length === 0 ? ['any rule that needs it'] : guarded.flatMap((candidate, index) => (index === 0 ? [{ rule: candidate.id }] : [', ', { rule: candidate.id }]))),
      ' when that rule applies and the fact is unknown, and is reported once however many rules need the fact.',
    ]);
  }
  if (notes.length === 0) notes.push(['Evaluated with every other applicable rule; every violation is reported, in pack order.']);
  return notes;
}

/**
 * The page of `policy` as `pack` runs it; every example is screened with `pack` (the docs use every built-in pack).
 * @example
 * const page = rulePage(packsInForce(), hoursFederal); page.examples[0].decision.verdict; // 'allow'
 */
export function rulePage(pack: PolicyPack, policy: Policy): RulePage {
  const member = memberOf(pack, policy);
  return {
    id: policy.id,
    title: policy.title,
    citation: policy.citation,
    pack: { id: member.id, title: member.title, optIn: member.id !== 'common' && !DEFAULT_PACK_IDS.includes(member.id) },
    source: `policies/${member.id}/${policy.id.replace(/\./g, '-')}.ts`,
    description: policy.description,
    exemptions: policy.exemptions,
    engine: engineNotes(pack, policy),
    messages: Object.entries(policy.messages).map(([id, template]) => ({ id, template: template as string })),
    examples: policy.examples.map((example) => ({ title: example.title, request: example.request, decision: runExample(pack, example) })),
    ...(FACTS_PAGES[member.id] && { facts: FACTS_PAGES[member.id] }),
  };
}
