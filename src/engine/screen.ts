import type { CallAttempt } from '../core/attempt.js';
import type { Decision } from '../core/decision.js';
import type { PolicyPack } from '../core/policy.js';
import { usFederalPack } from '../../policies/us-federal/index.js';
import { resolveAttempt, type ResolveOptions } from '../resolve/resolve-attempt.js';
import { evaluatePack } from './evaluate-pack.js';

export interface ScreenOptions extends ResolveOptions {
  /** The rules to apply; the US federal pack by default. */
  readonly pack?: PolicyPack;
}

/**
 * Screens one call attempt: resolves its facts once, runs the pack, and returns the full decision with every
 * violation and exemption explained. The one gate every simulated call passes through.
 * @example
 * const decision = screen(parseCheckRequest(JSON.parse(text)), { registries });
 * if (decision.verdict === 'block') console.log(decision.violations.map((v) => v.message));
 */
export function screen(attempt: CallAttempt, options: ScreenOptions = {}): Decision {
  return evaluatePack(options.pack ?? usFederalPack, resolveAttempt(attempt, options));
}
