import { loadPolicyModules } from '../policy-modules/load-policy-module.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { packForScenarioFile } from '../scenario/scenario-pack.js';
import { runScenario, type ScenarioResult } from '../scenario/run-scenario.js';

export interface RunScenarioFileOptions {
  /** Custom policy modules to screen with besides the scenario's own `policies` (paths from the current folder). */
  readonly policies?: readonly string[];
  readonly seed?: number;
  /** Built-in packs for a scenario that names none of its own; the default packs (DEFAULT_PACK_IDS) when absent. */
  readonly packs?: readonly string[];
}

/**
 * Runs a scenario file inside a test, as `dialsim run` does: the built-in packs it chooses plus the scenario's own
 * and the given custom policy modules.
 * @example
 * const result = await runScenarioFile('scenarios/04-dnc-request-mid-call.yaml');
 * expect(result.counts.dncRequests).toBe(2);
 */
export async function runScenarioFile(file: string, options: RunScenarioFileOptions = {}): Promise<ScenarioResult> {
  const custom = await loadPolicyModules(options.policies ?? []);
  const pack = await packForScenarioFile(file, { custom, ...(options.packs && { packs: options.packs }) });
  return runScenario(loadScenario(file, { pack }), { pack, ...(options.seed !== undefined && { seed: options.seed }) });
}

/**
 * A scenario that did not pass; the message lists each failed expectation with expected against actual, and each
 * compliance breach that no expectation names.
 */
export class ScenarioExpectationError extends Error {
  override name = 'ScenarioExpectationError';

  constructor(readonly result: ScenarioResult) {
    const failed = result.expectations.filter((expectation) => !expectation.passed);
    const unexpected = result.breaches.filter((breach) => !breach.expected);
    super(
      [
        `${failed.length} of ${result.expectations.length} expectations of ${result.file} failed${unexpected.length === 0 ? '' : `, and ${unexpected.length} compliance ${unexpected.length === 1 ? 'breach' : 'breaches'} no expectation names`}:`,
        ...failed.map((expectation) => `  ✖ ${expectation.description}\n      expected: ${expectation.expected}\n      actual:   ${expectation.actual}`),
        ...unexpected.map((breach) => `  ✖ breach ${breach.rule} (${breach.jurisdiction}) [${breach.citation}]: ${breach.message}`),
      ].join('\n'),
    );
  }
}

/**
 * Runs a scenario file and throws a `ScenarioExpectationError` unless every expectation in it holds: one line in
 * a test asserts a whole scenario.
 * @example
 * it('the do-not-call story holds', () => expectScenarioToPass('scenarios/04-dnc-request-mid-call.yaml'));
 */
export async function expectScenarioToPass(file: string, options: RunScenarioFileOptions = {}): Promise<ScenarioResult> {
  const result = await runScenarioFile(file, options);
  if (!result.passed) throw new ScenarioExpectationError(result);
  return result;
}
