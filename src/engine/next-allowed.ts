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
 * The longest jump a rule's `blockLasts` may make the search take: the jump is trusted only when every zone's offset
 * is the same where it lands as where it started, which proves the offset steady in between only because no zone
 * changes its offset twice within a day (the assumption the local-time cache makes too). A jump lands at most a
 * grid step past where it aims.
 */
const MAX_JUMP_MS = 23 * 3_600_000;

/**
 * The earliest instant after the call when the same call passes, when every violation of the decision is one of a
 * time rule's own findings (hours, days, frequency); undefined otherwise, or when there is none within the horizon.
 * Candidates are judged by the time rules alone, and the first that passes them by every rule: a rule that passed at
 * the call can only start to block later (a registry copy ages, a relationship expires), never stop, so when another
 * rule blocks at that moment no later moment is lawful either.
 *
 * A candidate's first blocking rule may say how long its block lasts (`blockLasts`): the candidates before then are
 * skipped, since that rule blocks them all. That finds the candidate the half-hour search finds, in a few steps
 * instead of a night's worth; the property tests hold the two to each other.
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
  const candidates = new CandidateInstants(facts.at, end, namedInstants(timeRules, facts, end));
  // A jump is checked where it lands: from which facts it jumped, and where to step on from when it proves untrue.
  let jumpedFrom: ScreeningFacts | undefined;
  let resumeAt: CandidatesState | undefined;
  // After a jump across an offset change, the candidates before where it landed are stepped through one by one.
  let noJumpsBefore = Number.NEGATIVE_INFINITY;
  // Every rule the decision names blocks at the call: the search may start where the last of their blocks ends.
  let lastsFromCall = facts.at;
  for (const found of decision.violations) {
    const entry = timeRuleById.get(found.rule)!;
    if (entry.blockLasts !== null) lastsFromCall = Math.max(lastsFromCall, blockLastsOf(entry, facts));
  }
  const start = candidates.save();
  if (candidates.skipBefore(Math.min(lastsFromCall, facts.at + MAX_JUMP_MS))) {
    jumpedFrom = facts;
    resumeAt = start;
  }
  for (let at = candidates.next(); at !== undefined; at = candidates.next()) {
    const later = factsAt(at);
    if (jumpedFrom !== undefined) {
      const steady = sameOffsets(jumpedFrom, later);
      jumpedFrom = undefined;
      if (!steady) {
        candidates.restore(resumeAt!);
        noJumpsBefore = at;
        continue;
      }
    }
    const blocker = firstBlocking(ordered, later, blocks);
    if (blocker === undefined) return allowed(later) ? at : undefined;
    if (blocker.blockLasts === null || at < noJumpsBefore) continue;
    const lasts = Math.min(blockLastsOf(blocker, later), at + MAX_JUMP_MS);
    const state = candidates.save();
    if (candidates.skipBefore(lasts)) {
      jumpedFrom = later;
      resumeAt = state;
    }
  }
  return undefined;
}

/** A rule's own `blockLasts`; a rule that cannot say (or fails to) promises nothing, and the search steps on. */
function blockLastsOf(entry: CompiledPolicy, facts: ScreeningFacts): number {
  try {
    const lasts = entry.blockLasts!(facts);
    return typeof lasts === 'number' && lasts > facts.at ? lasts : facts.at;
  } catch {
    return facts.at;
  }
}

/** Whether every zone has the same UTC offset in both: the `±HH:MM` (or `Z`) that ends each local time. */
function sameOffsets(before: ScreeningFacts, after: ScreeningFacts): boolean {
  const was = before.callee.localTimes;
  const is = after.callee.localTimes;
  if (was.length !== is.length) return false;
  for (let zone = 0; zone < was.length; zone++) {
    const a = was[zone]!.iso;
    const b = is[zone]!.iso;
    for (let back = 1; back <= 6; back++) if (a.charCodeAt(a.length - back) !== b.charCodeAt(b.length - back)) return false;
  }
  return true;
}

type CandidatesState = readonly [grid: number, next: number, previous: number];

/**
 * The instants tried, in order: the rules' own instants, sorted, merged on the fly with the half-hour grid (most
 * calls pass within the first few, so neither list is built whole), each once.
 */
class CandidateInstants {
  readonly #named: readonly number[];
  readonly #end: number;
  #next = 0;
  #grid: number;
  #previous = Number.NaN;

  constructor(after: number, end: number, named: readonly number[]) {
    this.#named = named;
    this.#end = end;
    this.#grid = Math.floor(after / GRID_MS) * GRID_MS + GRID_MS;
  }

  next(): number | undefined {
    const named = this.#named;
    // A named instant may fall after the last grid point before `end`: it is still tried.
    while (this.#grid <= this.#end || this.#next < named.length) {
      const takeNamed = this.#next < named.length && (named[this.#next]! <= this.#grid || this.#grid > this.#end);
      const at = takeNamed ? named[this.#next++]! : this.#grid;
      if (at === this.#grid) this.#grid += GRID_MS;
      if (at === this.#previous) continue;
      this.#previous = at;
      return at;
    }
    return undefined;
  }

  /** Drops the candidates before `instant`; false, dropping none, when there are none to drop or none would be left. */
  skipBefore(instant: number): boolean {
    const grid = Math.max(this.#grid, Math.ceil(instant / GRID_MS) * GRID_MS);
    let next = this.#next;
    while (next < this.#named.length && this.#named[next]! < instant) next++;
    if (grid === this.#grid && next === this.#next) return false;
    if (grid > this.#end && next >= this.#named.length) return false;
    this.#grid = grid;
    this.#next = next;
    return true;
  }

  save(): CandidatesState {
    return [this.#grid, this.#next, this.#previous];
  }

  restore([grid, next, previous]: CandidatesState): void {
    this.#grid = grid;
    this.#next = next;
    this.#previous = previous;
  }
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

/** The first of the ordered rules that blocks these facts, or undefined when none does. */
function firstBlocking(ordered: readonly CompiledPolicy[], facts: ScreeningFacts, blocks: NextAllowedInput['blocks']): CompiledPolicy | undefined {
  for (const entry of ordered) if (blocks(entry, facts)) return entry;
  return undefined;
}
