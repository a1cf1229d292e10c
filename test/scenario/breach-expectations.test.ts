import { describe, expect, it } from 'vitest';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { resultPhrase } from '../../src/scenario/expectations-summary.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/scenario/run-scenario.js';
import { loadProblems, writeScenarioFiles } from '../support/scenario-files.js';

/**
 * Every scenario run checks the campaign-level obligations on its own; a `breach` expectation marks a breach as
 * expected, and a breach nobody expected fails the scenario even when every expectation held.
 */

/** Two calls answered in New York, the second abandoned (the callee waits 3 s): 1 in 2 live answers, over 3%. */
const abandonedCall = (expect: string) => `title: One call in two abandoned
seller: acme
packs: [us-federal]
clock: { start: 2026-03-10T08:00:00-05:00 }
leads:
  - { id: ann, phone: (212) 555-0231, lineType: landline }
  - { id: bea, phone: (212) 555-0232, lineType: landline }
registries: { national: { syncedAt: 2026-03-01, numbers: [] } }
steps:
  - { type: dial, id: ann, lead: ann, at: 2026-03-10T10:00:00-04:00, method: autodialer }
  - { type: dial, id: bea, lead: bea, at: 2026-03-10T10:10:00-04:00, method: autodialer, agentWaitSeconds: 3 }
expect:
${expect}`;

function run(text: string) {
  const { scenario } = writeScenarioFiles({ 'scenario.yaml': text });
  const pack = packsInForce({ packs: ['us-federal'] });
  return runScenario(loadScenario(scenario, { pack }), { pack });
}

describe('breaches in a scenario run', () => {
  it('a breach no expectation names fails the scenario, though every expectation held', () => {
    const result = run(abandonedCall('  - { type: decision, step: bea, verdict: allow }\n'));
    expect(result.expectationsHeld).toBe(true);
    expect(result.breaches).toMatchObject([{ rule: 'abandonment.rate', jurisdiction: 'US', expected: false, data: { abandoned: 1, answered: 2 } }]);
    expect(result.passed).toBe(false);
    expect(resultPhrase(result)).toBe('expectations 1/1 held · compliance: 1 breach, unexpected');
  });

  it('a breach expectation marks it expected and the scenario passes', () => {
    const result = run(abandonedCall('  - { type: decision, step: bea, verdict: allow }\n  - { type: breach, rule: abandonment.rate, jurisdiction: US }\n'));
    expect(result.breaches.map((breach) => breach.expected)).toEqual([true]);
    expect(result.expectations[1]).toMatchObject({ description: 'compliance breach of abandonment.rate (US) found', passed: true, expected: 'a breach of abandonment.rate (US)' });
    expect(result.expectations[1]!.actual).toContain('US: 1 of 2 calls answered by a person were abandoned (50.00%)');
    expect(result.passed).toBe(true);
    expect(resultPhrase(result)).toBe('expectations 2/2 held · compliance: 1 breach, expected');
  });

  it('a breach expectation for another jurisdiction or another rule fails, and leaves the breach unexpected', () => {
    const result = run(abandonedCall('  - { type: breach, rule: abandonment.rate, jurisdiction: CA }\n  - { type: breach, rule: ring.duration }\n'));
    expect(result.expectations.map(({ passed, actual }) => ({ passed, actual }))).toEqual([
      { passed: false, actual: 'none' },
      { passed: false, actual: 'none' },
    ]);
    expect(result.breaches.map((breach) => breach.expected)).toEqual([false]);
    expect(resultPhrase(result)).toBe('expectations 0/2 held · compliance: 1 breach, unexpected');
  });

  it('a scenario with no expectations says so, and passes only without breaches', () => {
    const quiet = run(abandonedCall('  []\n').replace('expect:\n  []', 'expect: []').replace(', agentWaitSeconds: 3', ''));
    expect(resultPhrase(quiet)).toBe('no expectations stated · compliance: no breaches');
    expect(quiet.passed).toBe(true);
    const breaching = run(abandonedCall('  []\n').replace('expect:\n  []', 'expect: []'));
    expect(resultPhrase(breaching)).toBe('no expectations stated · compliance: 1 breach, unexpected');
    expect(breaching.passed).toBe(false);
  });

  it('a breach expectation with a rule that is not a campaign obligation is an error naming the field and the choices', () => {
    const problems = loadProblems({ 'scenario.yaml': abandonedCall('  - { type: breach, rule: dnc.internal }\n') });
    expect(problems[0]).toBe(
      'expect[0].rule: expected one of abandonment.rate|abandonment.two-second|abandonment.message|ring.duration|dnc.request-honoured (got "dnc.internal") (<dir>/scenario.yaml:13:21)',
    );
  });
});
