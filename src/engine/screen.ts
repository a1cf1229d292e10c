import type { CallAttempt } from '../core/attempt.js';
import type { Decision } from '../core/decision.js';
import type { LocalTime, ScreeningFacts } from '../core/facts.js';
import { formatInstantUtc } from '../core/instant.js';
import type { PolicyPack } from '../core/policy.js';
import { defaultStrategy, resolveAttempt, type ResolutionStrategy, type ResolveOptions } from '../resolve/resolve-attempt.js';
import { compilePack } from './compile-pack.js';
import { evaluateCompiled, packBlocks, ruleBlocks } from './evaluate-pack.js';
import { nextAllowedAt } from './next-allowed.js';
import { packsInForce } from './packs-in-force.js';
import { withoutTimeRules } from './without-time-rules.js';

export interface ScreenOptions extends Omit<ResolveOptions, 'supportedRegions'> {
  /** Exactly the rules to apply, as one pack (see `packsInForce`); overrides `packs` and `custom`. */
  readonly pack?: PolicyPack;
  /** Built-in packs for an attempt that names none of its own (`--packs`); the default packs (DEFAULT_PACK_IDS) when absent. */
  readonly packs?: readonly string[];
  /** A company's own packs, screened with the built-in ones. */
  readonly custom?: readonly PolicyPack[];
  /**
   * `skip`: leave out the rules about when a call is placed (hours, days, frequency), for a list screened before it
   * has a call time; every other rule, registry freshness included, is judged at the attempt's `at`. Default `screen`.
   */
  readonly timeRules?: 'screen' | 'skip';
}

/** The same attempt's facts at another instant: only the instant and the local times move. */
function factsAtInstant(facts: ScreeningFacts, at: number, strategy: ResolutionStrategy): ScreeningFacts {
  const localTimes: LocalTime[] = [];
  for (const local of facts.callee.localTimes) localTimes.push(strategy.localTime(local.zone, at));
  // Written out rather than spread: a spread of the whole facts per candidate instant was the search's largest cost.
  const { callee } = facts;
  return {
    at,
    method: facts.method,
    purpose: facts.purpose,
    seller: facts.seller,
    callerKind: facts.callerKind,
    number: facts.number,
    callee: { lineType: callee.lineType, business: callee.business, zoneSource: callee.zoneSource, localTimes, states: callee.states, stateSources: callee.stateSources },
    nationalRegistry: facts.nationalRegistry,
    stateRegistries: facts.stateRegistries,
    canadaRegistry: facts.canadaRegistry,
    internalList: facts.internalList,
    subject: facts.subject,
    history: facts.history,
    consents: facts.consents,
    relationship: facts.relationship,
    extensions: facts.extensions,
  };
}

/**
 * Screens one call attempt: resolves its facts once, runs the packs in force, and returns the full decision with
 * every violation and exemption explained, and, when only time rules block it, the earliest moment it would pass.
 * The one gate every simulated call passes through.
 * @example
 * const decision = screen(parseCheckRequest(JSON.parse(text)), { registries });
 * if (decision.verdict === 'block') console.log(decision.violations.map((v) => v.message));
 */
export function screen(attempt: CallAttempt, options: ScreenOptions = {}): Decision {
  return screenWithFacts(attempt, options).decision;
}

/**
 * `screen`, also returning the facts the decision stood on: what an audit record writes down so that the decision
 * can be re-derived from the record alone (docs/audit-log.md).
 */
export function screenWithFacts(attempt: CallAttempt, options: ScreenOptions = {}): { decision: Decision; facts: ScreeningFacts } {
  const inForce = options.pack ?? packsInForce({ packs: attempt.packs ?? options.packs, custom: options.custom });
  const pack = options.timeRules === 'skip' ? withoutTimeRules(inForce) : inForce;
  const compiled = compilePack(pack);
  const strategy = options.strategy ?? defaultStrategy();
  // Only what resolution reads: spreading every screening option per attempt was measurable.
  const facts = resolveAttempt(attempt, { registries: options.registries, strategy, supportedRegions: compiled.regions });
  const decision = evaluateCompiled(compiled, facts);
  if (decision.verdict === 'allow') return { decision, facts };
  const next = nextAllowedAt({
    compiled,
    facts,
    decision,
    factsAt: (at) => factsAtInstant(facts, at, strategy),
    blocks: ruleBlocks,
    allowed: (later) => !packBlocks(compiled, later),
  });
  if (next === undefined) return { decision, facts };
  const zone = facts.callee.localTimes[0]?.zone;
  const nextText = zone === undefined ? formatInstantUtc(next) : strategy.localTime(zone, next).iso;
  // Written out rather than spread (the keys of `decide`, in its order): V8 put a spread copy straight into the old
  // generation, which only a full collection frees.
  const { verdict, violations, exemptions, callee } = decision;
  return { decision: { verdict, violations, exemptions, callee, nextAllowedAt: nextText }, facts };
}
