import type { PolicyPack } from '../core/policy.js';

const cache = new WeakMap<PolicyPack, PolicyPack>();

/**
 * The same pack without its time rules (the rules that declare `timeRule`: hours, days, frequency), for screening a
 * list before it has a call time (`dialsim scrub --dnc-only`). The guards and every other rule stay, each member
 * keeping its coverage; which rules are time rules is each rule's own declaration, never a list of ids here.
 * Derived once per pack and cached, so a stream of attempts pays for it once.
 */
export function withoutTimeRules(pack: PolicyPack): PolicyPack {
  let derived = cache.get(pack);
  if (derived === undefined) {
    derived = { ...pack, id: `${pack.id} (no time rules)`, policies: pack.policies.filter((policy) => policy.timeRule !== true) };
    cache.set(pack, derived);
  }
  return derived;
}
