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
  const timeRules = compiled.regular.filter((entry) => entry.policy.timeRule === true);
  const byId = new Map(timeRules.map((entry) => [entry.policy.id, entry]));
  const onlyTime = decision.violations.every((found) => byId.get(found.rule)?.templates.has(found.messageId) === true);
  if (!onlyTime) return undefined;
  // The rules that blocked are asked first: at most candidates one of them still blocks, and that settles it.
  const blocking = new Set(decision.violations.map((found) => found.rule));
  const ordered = [...timeRules.filter((entry) => blocking.has(entry.policy.id)), ...timeRules.filter((entry) => !blocking.has(entry.policy.id))];

  const end = facts.at + NEXT_ALLOWED_HORIZON_MS;
  // The rules' own instants, sorted, merged on the fly with the half-hour grid: most calls pass within the first
  // few candidates, so neither list is built whole.
  const named = timeRules.flatMap((entry) => entry.policy.changesAt?.(facts) ?? []).filter((at) => at > facts.at && at <= end);
  named.sort((a, b) => a - b);
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
    if (!ordered.some((entry) => blocks(entry, later))) return allowed(later) ? at : undefined;
  }
  return undefined;
}
