import type { PolicyPack } from '../core/policy.js';
import { DRILL_LEVELS, type Drill, type DrillLevel } from './drill.js';
import { generateDrills } from './generate-drills.js';
import { DEFAULT_DRILL_COUNT, DEFAULT_DRILL_SEED, MAX_DRILL_COUNT, parseDrillCount, parseDrillLevel, parseDrillSeed } from './round-options.js';
import type { SessionSettings } from './session.js';

/**
 * The rounds a web trainer hands out: the session it was started with, and any round of generated drills a trainee
 * picks in the page (level, count, seed), made from the same policies. A generated drill's id names its level, seed
 * and place (`edge-7-3`), so any of them can be graded again without remembering who asked for what: the cache
 * only saves regenerating.
 */

export interface RoundChoice {
  readonly level: DrillLevel;
  readonly count: number;
  readonly seed: number;
}

export interface Round {
  readonly drills: readonly Drill[];
  readonly settings: SessionSettings;
  readonly description: string;
}

/** "5 edge drills, seed 7", as the CLI's header and the page's say it. */
export function describeRound({ level, count, seed }: RoundChoice): string {
  return `${count} ${level} drill${count === 1 ? '' : 's'}, seed ${seed}`;
}

/**
 * The round a query asks for (`?level=edge&count=5&seed=7`), each missing field taken from `defaults`; a bad field
 * throws a `RoundOptionError` worded as the CLI words its flag, under the query's name for it.
 */
export function parseRoundQuery(query: URLSearchParams, defaults: Partial<RoundChoice> = {}): RoundChoice {
  const level = query.get('level');
  const count = query.get('count');
  const seed = query.get('seed');
  return {
    level: level === null ? (defaults.level ?? 'single') : parseDrillLevel(level),
    count: count === null ? (defaults.count ?? DEFAULT_DRILL_COUNT) : parseDrillCount(count),
    seed: seed === null ? (defaults.seed ?? DEFAULT_DRILL_SEED) : parseDrillSeed(seed),
  };
}

const GENERATED_ID = new RegExp(`^(${DRILL_LEVELS.join('|')})-(-?\\d+)-(\\d+)$`);

/** Generated drill lists kept at once, by level and seed; the least recently used goes first. */
const CACHED_LISTS = 32;

export class RoundStore {
  private readonly sessionDrills: ReadonlyMap<string, Drill>;
  private readonly lists = new Map<string, Drill[]>();

  constructor(
    private readonly pack: PolicyPack,
    sessionDrills: readonly Drill[],
  ) {
    this.sessionDrills = new Map(sessionDrills.map((drill) => [drill.id, drill]));
  }

  /** The first `count` drills of the level and seed, as `dialsim train --level L --seed S --count N` hands out. */
  round(choice: RoundChoice): Round {
    return {
      drills: this.generated(choice.level, choice.seed, choice.count),
      settings: { seed: choice.seed, level: choice.level, count: choice.count, from: null },
      description: describeRound(choice),
    };
  }

  /** A drill of the session, or of any round the page may have asked for; undefined for an id that names neither. */
  drill(id: string): Drill | undefined {
    const own = this.sessionDrills.get(id);
    if (own !== undefined) return own;
    const match = GENERATED_ID.exec(id);
    if (match === null) return undefined;
    const index = Number(match[3]);
    const seed = Number(match[2]);
    if (index < 1 || index > MAX_DRILL_COUNT || !Number.isSafeInteger(seed)) return undefined;
    try {
      return this.generated(parseDrillLevel(match[1]!), parseDrillSeed(match[2]!), index)[index - 1];
    } catch {
      // A seed outside the range a round may have is not a drill of any round.
      return undefined;
    }
  }

  private generated(level: DrillLevel, seed: number, count: number): Drill[] {
    const key = `${level}/${seed}`;
    const cached = this.lists.get(key);
    // The first N drills of a longer list are the N drills of a shorter one, so one list per level and seed serves all counts.
    const list = cached !== undefined && cached.length >= count ? cached : generateDrills({ seed, level, count, pack: this.pack });
    this.lists.delete(key);
    this.lists.set(key, list);
    if (this.lists.size > CACHED_LISTS) this.lists.delete(this.lists.keys().next().value!);
    return list.slice(0, count);
  }
}
