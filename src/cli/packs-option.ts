import { InputError } from '../core/input-error.js';
import { builtInPack, unknownPackMessage } from '../engine/packs-in-force.js';

/**
 * The `--packs ID[,ID...]` flag as pack ids, or undefined when it is not given. An unknown id or an empty list is a
 * usage error naming the flag: a typo must never quietly screen with fewer rules.
 */
export function parsePacksOption(text: string | undefined): readonly string[] | undefined {
  if (text === undefined) return undefined;
  const ids = text.split(',').map((id) => id.trim());
  if (ids.every((id) => id === '')) throw new InputError([{ path: '--packs', message: 'names no pack: give one or more pack ids, e.g. --packs us-federal,us-states' }]);
  const problems = ids.filter((id) => builtInPack(id) === undefined).map((id) => ({ path: '--packs', message: unknownPackMessage(id) }));
  if (problems.length > 0) throw new InputError(problems);
  return ids;
}
