import type { PolicyPack } from '../core/policy.js';
import { InputError } from '../core/input-error.js';
import { BUILT_IN_PACKS, commonPack, DEFAULT_PACK_IDS } from '../../policies/built-in-packs.js';
import { combinePacks } from './combine-packs.js';

/** The ids of the built-in packs a request, a scenario or `--packs` may choose, in report order. */
export const BUILT_IN_PACK_IDS: readonly string[] = BUILT_IN_PACKS.map((pack) => pack.id);

export { DEFAULT_PACK_IDS };

/** The built-in pack with this id, or undefined. */
export function builtInPack(id: string): PolicyPack | undefined {
  return BUILT_IN_PACKS.find((pack) => pack.id === id);
}

/** Why a pack id is not one: for the error that names `packs[i]` or the flag. */
export function unknownPackMessage(id: string): string {
  return `unknown pack ${JSON.stringify(id)}: expected one of ${BUILT_IN_PACK_IDS.join('|')}`;
}

export interface PacksInForceOptions {
  /** Built-in pack ids to screen with (validated by the caller); the default packs (DEFAULT_PACK_IDS) when absent. */
  readonly packs?: readonly string[];
  /** A company's own packs, screened after the built-in ones. */
  readonly custom?: readonly PolicyPack[];
}

const NO_CUSTOM: readonly PolicyPack[] = [];
const cache = new WeakMap<readonly PolicyPack[], Map<string, PolicyPack>>();

/**
 * The one place that says which rules are in force: the common rules (always), the chosen built-in packs in their
 * report order (the default packs when none are chosen), then the custom packs. An id that names no built-in pack is an input
 * error at `packs[i]`: a request that chose its packs must never be screened with others. Combined once per choice and cached, so a stream of
 * requests that each name their packs pays for the combination once.
 * @example
 * screen(attempt, { pack: packsInForce({ packs: ['us-federal'] }) });
 */
export function packsInForce(options: PacksInForceOptions = {}): PolicyPack {
  const custom = options.custom ?? NO_CUSTOM;
  const ids = options.packs ?? DEFAULT_PACK_IDS;
  const chosen = BUILT_IN_PACKS.filter((pack) => ids.includes(pack.id));
  const unknown = (options.packs ?? []).flatMap((id, index) => (builtInPack(id) === undefined ? [{ path: `packs[${index}]`, message: unknownPackMessage(id) }] : []));
  if (unknown.length > 0) throw new InputError(unknown);
  let byChoice = cache.get(custom);
  if (byChoice === undefined) cache.set(custom, (byChoice = new Map()));
  const key = chosen.map((pack) => pack.id).join(',');
  let pack = byChoice.get(key);
  if (pack === undefined) byChoice.set(key, (pack = combinePacks(commonPack, ...chosen, ...custom)));
  return pack;
}
