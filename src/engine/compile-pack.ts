import type { OptionalFact } from '../core/facts.js';
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
}

/** A pack checked and prepared once: rules in evaluation order, guards by fact, templates compiled. */
export interface CompiledPack {
  readonly pack: PolicyPack;
  /** Rules whose violation ends the screening, in pack order. */
  readonly terminal: readonly CompiledPolicy[];
  readonly regular: readonly CompiledPolicy[];
  readonly guards: ReadonlyMap<OptionalFact, CompiledPolicy>;
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
  const result: CompiledPack = { pack, terminal, regular, guards };
  compiled.set(pack, result);
  return result;
}
