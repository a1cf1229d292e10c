import type { ScenarioResult } from './run-scenario.js';

/**
 * The words for a scenario's result, shared by the CLI and the report so both say the same thing: "passed" means
 * every expectation held and every compliance breach was expected, and each half is stated on its own.
 */

type Judged = Pick<ScenarioResult, 'expectations' | 'breaches'>;

/** What "passed" means, wherever a result is shown. */
export const PASSED_MEANS = 'every expectation held and every compliance breach was expected';

/** "8/8", or "none stated" for a scenario without expectations (never "0/0"). */
export function expectationsHeld(result: Pick<ScenarioResult, 'expectations'>): string {
  const total = result.expectations.length;
  return total === 0 ? 'none stated' : `${result.expectations.filter((expectation) => expectation.passed).length}/${total}`;
}

/** "no breaches", "1 breach, expected", "3 breaches, all expected", "3 breaches, 2 unexpected". */
export function breachesWords(result: Pick<ScenarioResult, 'breaches'>): string {
  const total = result.breaches.length;
  if (total === 0) return 'no breaches';
  const unexpected = result.breaches.filter((breach) => !breach.expected).length;
  const count = `${total} ${total === 1 ? 'breach' : 'breaches'}`;
  if (unexpected === 0) return `${count}, ${total === 1 ? 'expected' : 'all expected'}`;
  return `${count}, ${total === 1 ? 'unexpected' : `${unexpected} unexpected`}`;
}

/** The verdict line: "expectations 8/8 held · compliance: 1 breach, expected", or "no expectations stated · ...". */
export function resultPhrase(result: Judged): string {
  const expectations = result.expectations.length === 0 ? 'no expectations stated' : `expectations ${expectationsHeld(result)} held`;
  return `${expectations} · compliance: ${breachesWords(result)}`;
}
