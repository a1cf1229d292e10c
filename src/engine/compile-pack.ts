import { blockLastsOf, type BlockLasts } from '../core/block-lasts.js';
import type { OptionalFact, ScreeningFacts } from '../core/facts.js';
import type { ExtensionKind, Policy, PolicyPack } from '../core/policy.js';
import { PolicyDefinitionError } from '../core/policy-definition-error.js';
import { RULE_ID } from '../core/validate-policy.js';
import { compileTemplate, type CompiledTemplate } from './message-template.js';

export { PolicyDefinitionError };

export interface CompiledPolicy {
  readonly policy: Policy;
  readonly templates: ReadonlyMap<string, CompiledTemplate>;
  /** The extension facts the rule declares, checked before it runs; null when it declares none. */
  readonly extensions: readonly (readonly [string, ExtensionKind])[] | null;
  /** Whether the rule's pack covers the attempt (its regions and callers); null when the pack covers every attempt. */
  readonly covers: ((facts: ScreeningFacts) => boolean) | null;
  /** For a time rule of dialsim's own: how long a block it gives lasts (src/core/block-lasts.ts); null otherwise. */
  readonly blockLasts: BlockLasts | null;
}

/** A pack checked and prepared once: rules in evaluation order, guards by fact, templates compiled. */
export interface CompiledPack {
  readonly pack: PolicyPack;
  /** Rules whose violation ends the screening, in pack order. */
  readonly terminal: readonly CompiledPolicy[];
  readonly regular: readonly CompiledPolicy[];
  readonly guards: ReadonlyMap<OptionalFact, CompiledPolicy>;
  /** The regular rules that declare `timeRule`, in pack order, and the same by id: what `nextAllowedAt` searches with. */
  readonly timeRules: readonly CompiledPolicy[];
  readonly timeRuleById: ReadonlyMap<string, CompiledPolicy>;
  /**
   * The regions some member pack covers, which makes a number's jurisdiction supported; null when no member names
   * its regions (a company's own pack alone), so that no number is refused for its country.
   */
  readonly regions: ReadonlySet<string> | null;
}

/** The coverage test of one pack, from its `regions` and `applies`; null when it covers every attempt. */
function coverageOf(pack: PolicyPack): CompiledPolicy['covers'] {
  const regions = pack.regions === undefined ? null : new Set(pack.regions);
  const applies = pack.applies?.bind(pack);
  if (regions === null && applies === undefined) return null;
  // Every rule of the member asks the same question of the same facts in turn: the last answer is kept for them
  // (facts are never changed once resolved, so the same object has the same answer).
  let lastFacts: ScreeningFacts | undefined;
  let lastAnswer = false;
  return (facts) => {
    if (facts !== lastFacts) {
      lastAnswer = (regions === null || (facts.number.region !== null && regions.has(facts.number.region))) && (applies === undefined || applies(facts));
      lastFacts = facts;
    }
    return lastAnswer;
  };
}

const compiled = new WeakMap<PolicyPack, CompiledPack>();

/**
 * Checks a pack (ids well formed and unique, every required fact guarded, one guard per fact) and compiles it.
 * Compiled packs are cached per pack object.
 */
export function compilePack(pack: PolicyPack): CompiledPack {
  const cached = compiled.get(pack);
  if (cached !== undefined) return cached;

  const seen = new Set<string>();
  const terminal: CompiledPolicy[] = [];
  const regular: CompiledPolicy[] = [];
  const guards = new Map<OptionalFact, CompiledPolicy>();
  const members = pack.members ?? [pack];
  const regions = members.some((member) => member.regions !== undefined)
    ? new Set(members.flatMap((member) => (member.supportsRegions === false ? [] : (member.regions ?? []))))
    : null;
  const coverageByPolicy = new Map<Policy, CompiledPolicy['covers']>();
  for (const member of members) {
    const covers = coverageOf(member);
    for (const policy of member.policies) coverageByPolicy.set(policy, covers);
  }
  for (const policy of pack.policies) {
    if (!RULE_ID.test(policy.id)) {
      throw new PolicyDefinitionError(`pack ${pack.id}: rule id "${policy.id}" must be dotted lowercase, e.g. "hours.federal"`);
    }
    if (seen.has(policy.id)) throw new PolicyDefinitionError(`pack ${pack.id}: rule id "${policy.id}" appears twice`);
    seen.add(policy.id);
    const entry: CompiledPolicy = {
      policy,
      templates: new Map(Object.entries(policy.messages).map(([id, text]) => [id, compileTemplate(text as string)])),
      extensions: policy.extensions === undefined || Object.keys(policy.extensions).length === 0 ? null : Object.entries(policy.extensions),
      covers: coverageByPolicy.get(policy) ?? null,
      blockLasts: policy.timeRule === true ? (blockLastsOf(policy) ?? null) : null,
    };
    if (policy.guards !== undefined) {
      if (guards.has(policy.guards)) {
        throw new PolicyDefinitionError(`pack ${pack.id}: both ${guards.get(policy.guards)!.policy.id} and ${policy.id} guard "${policy.guards}"`);
      }
      guards.set(policy.guards, entry);
    } else if (policy.terminal) terminal.push(entry);
    else regular.push(entry);
  }
  for (const { policy } of regular) {
    for (const fact of policy.requires ?? []) {
      if (!guards.has(fact)) {
        throw new PolicyDefinitionError(`pack ${pack.id}: ${policy.id} requires "${fact}" but no rule in the pack guards it`);
      }
    }
  }
  const timeRules = regular.filter((entry) => entry.policy.timeRule === true);
  const timeRuleById = new Map(timeRules.map((entry) => [entry.policy.id, entry]));
  const result: CompiledPack = { pack, terminal, regular, guards, timeRules, timeRuleById, regions };
  compiled.set(pack, result);
  return result;
}
