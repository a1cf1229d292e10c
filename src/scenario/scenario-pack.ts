import type { PolicyPack } from '../core/policy.js';
import { builtInPack, packsInForce } from '../engine/packs-in-force.js';
import { loadPolicyModules } from '../policy-modules/load-policy-module.js';
import { scenarioPackIds, scenarioPolicyPaths } from './load-scenario.js';

export interface ScenarioPackOptions {
  /** Built-in packs for a scenario that names none (`--packs`); the default packs when absent. */
  readonly packs?: readonly string[];
  /** Custom packs already loaded for every scenario (`--policy`), screened before the scenario's own. */
  readonly custom?: readonly PolicyPack[];
}

/**
 * The rules a scenario file is screened with, the same for `run`, `walkthrough`, `train --from` and the testing
 * kit: its own `packs` (or the caller's default), then the caller's custom packs and the scenario's `policies`.
 * An unknown pack id is left for loadScenario to report at its line.
 */
export async function packForScenarioFile(file: string, options: ScenarioPackOptions = {}): Promise<PolicyPack> {
  const own = await loadPolicyModules(scenarioPolicyPaths(file));
  const named = scenarioPackIds(file)?.filter((id) => builtInPack(id) !== undefined);
  const packs = named !== undefined && named.length > 0 ? named : options.packs;
  return packsInForce({ ...(packs && { packs }), custom: [...(options.custom ?? []), ...own] });
}
