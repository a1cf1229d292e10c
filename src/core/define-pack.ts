import type { Policy, PolicyPack } from './policy.js';
import { PolicyDefinitionError } from './policy-definition-error.js';
import { validatePolicyDefinition } from './validate-policy.js';

/**
 * Declares a pack: an id, a title and its policies in report order. Each policy is checked as `definePolicy` checks
 * it, and ids must be unique within the pack; combine packs with `combinePacks`.
 * @example
 * export default definePack({ id: 'acme', title: 'Acme house rules', policies: [companyHolidays, attemptCap] });
 */
export function definePack(pack: { readonly id: string; readonly title: string; readonly policies: readonly Policy[] }): PolicyPack {
  if (typeof pack !== 'object' || pack === null) throw new PolicyDefinitionError(`definePack expects { id, title, policies }, got ${String(pack)}`);
  if (typeof pack.id !== 'string' || pack.id === '') throw new PolicyDefinitionError('definePack: id must be a non-empty string');
  if (typeof pack.title !== 'string' || pack.title === '') throw new PolicyDefinitionError(`pack ${pack.id}: title must be a non-empty string`);
  if (!Array.isArray(pack.policies) || pack.policies.length === 0) {
    throw new PolicyDefinitionError(`pack ${pack.id}: policies must be a non-empty array of policies`);
  }
  const seen = new Set<string>();
  const policies = pack.policies.map((policy: unknown, index) => {
    let checked: Policy;
    try {
      checked = validatePolicyDefinition(policy, 'definePack');
    } catch (error) {
      if (error instanceof PolicyDefinitionError) throw new PolicyDefinitionError(`pack ${pack.id}: policies[${index}]: ${error.message}`);
      throw error;
    }
    if (seen.has(checked.id)) throw new PolicyDefinitionError(`pack ${pack.id}: rule id "${checked.id}" appears twice`);
    seen.add(checked.id);
    return checked;
  });
  return { id: pack.id, title: pack.title, policies };
}
