import type { CallAttempt } from '../core/attempt.js';
import type { Decision } from '../core/decision.js';
import type { PolicyPack } from '../core/policy.js';
import { resolveAttempt, type ResolveOptions } from '../resolve/resolve-attempt.js';
import { compilePack } from './compile-pack.js';
import { evaluatePack } from './evaluate-pack.js';
import { packsInForce } from './packs-in-force.js';

export interface ScreenOptions extends Omit<ResolveOptions, 'supportedRegions'> {
  /** Exactly the rules to apply, as one pack (see `packsInForce`); overrides `packs` and `custom`. */
  readonly pack?: PolicyPack;
  /** Built-in packs for an attempt that names none of its own (`--packs`); every built-in pack by default. */
  readonly packs?: readonly string[];
  /** A company's own packs, screened with the built-in ones. */
  readonly custom?: readonly PolicyPack[];
}

/**
 * Screens one call attempt: resolves its facts once, runs the packs in force, and returns the full decision with
 * every violation and exemption explained. The one gate every simulated call passes through.
 * @example
 * const decision = screen(parseCheckRequest(JSON.parse(text)), { registries });
 * if (decision.verdict === 'block') console.log(decision.violations.map((v) => v.message));
 */
export function screen(attempt: CallAttempt, options: ScreenOptions = {}): Decision {
  const pack = options.pack ?? packsInForce({ packs: attempt.packs ?? options.packs, custom: options.custom });
  return evaluatePack(pack, resolveAttempt(attempt, { ...options, supportedRegions: compilePack(pack).regions }));
}
