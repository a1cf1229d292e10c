import type { ScreeningFacts } from './facts.js';
import type { Policy } from './policy.js';

/**
 * For a time rule that blocks these facts: an instant up to which it certainly still blocks the same attempt with
 * only the instant and the local times moved, reckoned as if every zone kept its UTC offset (the engine checks that
 * it did); `facts.at` or earlier when the rule cannot say. It lets `nextAllowedAt` jump over a night to the next
 * window instead of trying every half hour of it.
 */
export type BlockLasts = (facts: ScreeningFacts) => number;

const declared = new WeakMap<Policy, BlockLasts>();

/**
 * Gives one of dialsim's own time rules its `BlockLasts`. Kept beside the policy rather than in its definition, and
 * out of the package's exports, so that the policy API is unchanged: a rule without one is searched half hour by
 * half hour, as every rule was, and that search is the reference the property tests hold the jumps to.
 */
export function withBlockLasts<P extends Policy>(policy: P, blockLasts: BlockLasts): P {
  declared.set(policy, blockLasts);
  return policy;
}

export function blockLastsOf(policy: Policy): BlockLasts | undefined {
  return declared.get(policy);
}

const SECONDS_PER_DAY = 86_400;

/**
 * The next instant after `at` at which a clock now reading `secondOfDay` (whole seconds since its midnight) reads
 * `target`, the clock's offset held steady: later today, or tomorrow when `target` is not after `secondOfDay`.
 */
export function whenClockReads(at: number, secondOfDay: number, target: number): number {
  const wholeSecond = at - (((at % 1000) + 1000) % 1000);
  const seconds = target > secondOfDay ? target - secondOfDay : target - secondOfDay + SECONDS_PER_DAY;
  return wholeSecond + seconds * 1000;
}
