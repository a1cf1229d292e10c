import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectScenarioToPass, runScenarioFile, ScenarioExpectationError } from '../../src/testing/run-scenario-file.js';
import { writeScenarioFiles } from '../support/scenario-files.js';
import { scratchDir } from '../support/scratch-dir.js';

/** A custom policy module, as a user writes one, importing dialsim's built entry. */
const DISASTER_POLICY = `import { definePolicy, pass, violation } from ${JSON.stringify(pathToFileURL(resolve('dist/src/index.js')).href)};
export default definePolicy({
  id: 'acme.disaster-area',
  title: 'No calls into a declared disaster area',
  citation: 'Acme calling policy 4.1',
  extensions: { postalCode: 'string' },
  messages: { declared: 'postal code {postalCode} is under a disaster declaration' },
  evaluate: (facts) => (facts.extensions.postalCode === '70112' ? violation('declared', { postalCode: '70112' }) : pass),
});
`;

/** A call to a New Orleans lead in a declared disaster area, screened with a custom rule the scenario names. */
function disasterScenario(expectedRule: string): string {
  const dir = scratchDir('scenario-kit');
  writeFileSync(join(dir, 'disaster-area.js'), DISASTER_POLICY);
  const file = join(dir, 'disaster.yaml');
  writeFileSync(
    file,
    `title: A call into a disaster area
seller: acme
packs: [us-federal]
clock:
  start: 2026-03-10T08:00:00-06:00
policies: [./disaster-area.js]
leads:
  - id: L1
    phone: (504) 555-0142
    lineType: landline
    postalCode: "70112"
registries:
  national:
    syncedAt: 2026-03-01
steps:
  - type: dial
    id: call
    lead: L1
    at: 2026-03-10T14:00:00-05:00
expect:
  - type: decision
    step: call
    verdict: block
    rules: [${expectedRule}]
`,
  );
  return file;
}

/** One answered call abandoned (the callee waits 3 s for an agent): every expectation holds, the abandonment cap does not. */
const OVER_THE_CAP = `title: An abandoned call
seller: acme
packs: [us-federal]
clock: { start: 2026-03-10T08:00:00-05:00 }
leads: [{ id: bea, phone: (212) 555-0232, lineType: landline }]
registries: { national: { syncedAt: 2026-03-01, numbers: [] } }
steps:
  - { type: dial, id: bea, lead: bea, at: 2026-03-10T10:10:00-04:00, method: autodialer, agentWaitSeconds: 3 }
expect: [{ type: count, of: abandoned, equals: 1 }]
`;

describe('scenarios in tests', () => {
  it('runs a library scenario and returns its result', async () => {
    const result = await runScenarioFile('scenarios/04-dnc-request-mid-call.yaml');
    expect(result.passed).toBe(true);
    expect(result.counts.dncRequests).toBeGreaterThan(0);
  });

  it('loads the custom policies a scenario names, so a custom rule can block and be expected', async () => {
    const result = await expectScenarioToPass(disasterScenario('acme.disaster-area'));
    expect(result.steps[0]?.attempt?.record.violations.map((violation) => violation.rule)).toEqual(['acme.disaster-area']);
  });

  it('fails with every broken expectation listed, expected against actual', async () => {
    const error = await expectScenarioToPass(disasterScenario('hours.federal')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScenarioExpectationError);
    expect((error as Error).message).toContain('1 of 1 expectations');
    expect((error as Error).message).toContain('expected: block; blocked by hours.federal');
    expect((error as Error).message).toContain('actual:   block; blocked by acme.disaster-area; exemptions none');
  });

  it('fails on a compliance breach no expectation names, listing it with its citation', async () => {
    const file = writeScenarioFiles({ 'scenario.yaml': OVER_THE_CAP }).scenario;
    const error = await expectScenarioToPass(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScenarioExpectationError);
    expect((error as Error).message).toContain('0 of 1 expectations of');
    expect((error as Error).message).toContain('failed, and 1 compliance breach no expectation names:');
    expect((error as Error).message).toContain('  ✖ breach abandonment.rate (US) [47 CFR 64.1200(a)(7); 16 CFR 310.4(b)(4)]: 1 of 1 calls answered by a person were abandoned (100.00%)');
  });
});
