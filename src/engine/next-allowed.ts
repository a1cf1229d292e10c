import type { Decision } from '../core/decision.js';
import type { ScreeningFacts } from '../core/facts.js';
import type { CompiledPack, CompiledPolicy } from './compile-pack.js';

/** How far ahead the earliest lawful moment is looked for (../shared/check-contract.md: within 14 days). */
export const NEXT_ALLOWED_HORIZON_MS = 14 * 24 * 3_600_000;

/**
 * Every calling window dialsim knows (federal, state, Canadian, FINRA) starts and ends on a half hour of local time,
 * and every zone's offset is a whole number of half hours, so a time rule's verdict can only change on a UTC half
 * hour, or at an instant the rule itself names (a call cap's window ending after an earlier call).
 */
const GRID_MS = 30 * 60_000;

export interface NextAllowedInput {
  readonly compiled: CompiledPack;
  readonly facts: ScreeningFacts;
  readonly decision: Decision;
  /** The facts of the same attempt at another instant (local times recomputed). */
  readonly factsAt: (at: number) => ScreeningFacts;
  /** Runs one rule (applies, then evaluate) and says whether it blocks. */
  readonly blocks: (entry: CompiledPolicy, facts: ScreeningFacts) => boolean;
  /** Runs every rule: whether the call is allowed with these facts. */
  readonly allowed: (facts: ScreeningFacts) => boolean;
}

/**
 * The earliest instant after the call when the same call passes, when every violation of the decision is one of a
 * time rule's own findings (hours, days, frequency); undefined otherwise, or when there is none within the horizon.
 * Candidates are judged by the time rules alone, and the first that passes them by every rule: a rule that passed at
 * the call can only start to block later (a registry copy ages, a relationship expires), never stop, so when another
 * rule blocks at that moment no later moment is lawful either.
 */
export function nextAllowedAt({ compiled, facts, decision, factsAt, blocks, allowed }: NextAllowedInput): number | undefined {
  if (decision.verdict !== 'block') return undefined;
  const { timeRules, timeRuleById } = compiled;
  for (const found of decision.violations) {
    if (timeRuleById.get(found.rule)?.templates.has(found.messageId) !== true) return undefined;
  }
  // The rules that blocked are asked first: at most candidates one of them still blocks, and that settles it.
  const ordered = blockingFirst(timeRules, decision);

  const end = facts.at + NEXT_ALLOWED_HORIZON_MS;
  // The rules' own instants, sorted, merged on the fly with the half-hour grid: most calls pass within the first
  // few candidates, so neither list is built whole.
  const named = namedInstants(timeRules, facts, end);
  let next = 0;
  let grid = Math.floor(facts.at / GRID_MS) * GRID_MS + GRID_MS;
  let previous = Number.NaN;
  // A named instant may fall after the last grid point before `end`: it is still tried.
  while (grid <= end || next < named.length) {
    const takeNamed = next < named.length && (named[next]! <= grid || grid > end);
    const at = takeNamed ? named[next++]! : grid;
    if (at === grid) grid += GRID_MS;
    if (at === previous) continue;
    previous = at;
    const later = factsAt(at);
    if (!anyBlocks(ordered, later, blocks)) return allowed(later) ? at : undefined;
  }
  return undefined;
}

/** The time rules with those the decision names first, each group in pack order. */
function blockingFirst(timeRules: readonly CompiledPolicy[], decision: Decision): CompiledPolicy[] {
  const named = (entry: CompiledPolicy) => decision.violations.some((found) => found.rule === entry.policy.id);
  const ordered: CompiledPolicy[] = [];
  for (const entry of timeRules) if (named(entry)) ordered.push(entry);
  for (const entry of timeRules) if (!named(entry)) ordered.push(entry);
  return ordered;
}

const NO_INSTANTS: readonly number[] = [];

/** The instants after the call and within the horizon that the time rules name, sorted. */
function namedInstants(timeRules: readonly CompiledPolicy[], facts: ScreeningFacts, end: number): readonly number[] {
  let named: number[] | undefined;
  for (const entry of timeRules) {
    const instants = entry.policy.changesAt?.(facts);
    if (instants === undefined) continue;
    for (const at of instants) if (at > facts.at && at <= end) (named ??= []).push(at);
  }
  if (named === undefined) return NO_INSTANTS;
  return named.sort((a, b) => a - b);
}

function anyBlocks(ordered: readonly CompiledPolicy[], facts: ScreeningFacts, blocks: NextAllowedInput['blocks']): boolean {
  for (const entry of ordered) if (blocks(entry, facts)) return true;
  return false;
}
