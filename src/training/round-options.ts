import { DRILL_LEVELS, type DrillLevel } from './drill.js';

/**
 * How a round of generated drills is chosen (level, count, seed), checked the same way wherever it is typed: the
 * `dialsim train` flags and the web trainer's "new round" form. Each problem names the field as the caller spells
 * it (`--count` on the command line, `count` in the page).
 */

export const DEFAULT_DRILL_COUNT = 10;
export const DEFAULT_DRILL_SEED = 1;
/** The most drills one round may have: enough for any written test, few enough to generate in seconds. */
export const MAX_DRILL_COUNT = 10_000;
/** Seeds span the 32-bit values a seeded generator takes, signed or not. */
export const MIN_DRILL_SEED = -(2 ** 31);
export const MAX_DRILL_SEED = 2 ** 32 - 1;

/** A level, count or seed that is not one; `message` names the field and what was given. */
export class RoundOptionError extends Error {
  constructor(
    readonly field: 'level' | 'count' | 'seed',
    message: string,
  ) {
    super(message);
    this.name = 'RoundOptionError';
  }
}

function wholeNumberIn(text: string, min: number, max: number): number | null {
  if (!/^-?\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value < min || value > max ? null : value;
}

/** `single`, `interacting` or `edge`; anything else throws a `RoundOptionError` naming `name`. */
export function parseDrillLevel(text: string, name = 'level'): DrillLevel {
  if ((DRILL_LEVELS as readonly string[]).includes(text)) return text as DrillLevel;
  throw new RoundOptionError('level', `unknown ${name} "${text}": choose ${DRILL_LEVELS.slice(0, -1).join(', ')} or ${DRILL_LEVELS.at(-1)}`);
}

/** A whole number from 1 to MAX_DRILL_COUNT. */
export function parseDrillCount(text: string, name = 'count'): number {
  const value = wholeNumberIn(text, 1, MAX_DRILL_COUNT);
  if (value === null) throw new RoundOptionError('count', `${name} must be a whole number from 1 to ${MAX_DRILL_COUNT}, got "${text}"`);
  return value;
}

/** A whole number from MIN_DRILL_SEED to MAX_DRILL_SEED. */
export function parseDrillSeed(text: string, name = 'seed'): number {
  const value = wholeNumberIn(text, MIN_DRILL_SEED, MAX_DRILL_SEED);
  if (value === null) throw new RoundOptionError('seed', `${name} must be a whole number from ${MIN_DRILL_SEED} to ${MAX_DRILL_SEED}, got "${text}"`);
  return value;
}
