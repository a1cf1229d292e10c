import type { PolicyPack } from '../core/policy.js';
import { PolicyDefinitionError } from '../core/policy-definition-error.js';
import { compilePack } from './compile-pack.js';

/**
 * One pack made of several, in order: the built-in rules and a company's own. A rule id that appears in two packs
 * throws a `PolicyDefinitionError` naming both: a custom rule never silently replaces a built-in one. The result is
 * compiled at once, so every other mistake (a required fact nobody guards) also throws here, at load time. Each
 * member keeps its coverage: the Canadian pack's rules never see a US number, whatever pack they are combined with.
 * @example
 * const pack = combinePacks(usFederalPack, acmePack);
 * screen(attempt, { pack });
 */
export function combinePacks(...packs: readonly PolicyPack[]): PolicyPack {
  if (packs.length === 0) throw new PolicyDefinitionError('combinePacks needs at least one pack');
  const owner = new Map<string, string>();
  // Ownership by the packs combined packs were made of, so an error names the pack that declares the rule.
  for (const pack of packs.flatMap((each) => each.members ?? [each])) {
    for (const policy of pack.policies) {
      const first = owner.get(policy.id);
      if (first !== undefined) {
        throw new PolicyDefinitionError(
          first === pack.id
            ? `pack ${pack.id}: rule id "${policy.id}" appears twice`
            : `rule id "${policy.id}" is declared by both pack ${first} and pack ${pack.id}: a rule cannot replace another, so give the custom rule an id of its own, prefixed with your company's name`,
        );
      }
      owner.set(policy.id, pack.id);
    }
  }
  if (packs.length === 1) return compilePack(packs[0]!).pack;
  const members = packs.flatMap((pack) => pack.members ?? [pack]);
  const combined: PolicyPack = {
    id: packs.map((pack) => pack.id).join('+'),
    title: packs.map((pack) => pack.title).join(' + '),
    policies: packs.flatMap((pack) => pack.policies),
    members,
  };
  compilePack(combined);
  return combined;
}
