import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectScenarioToPass, runScenarioFile, ScenarioExpectationError } from '../../src/testing/run-scenario-file.js';

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
  const dir = mkdtempSync(join(tmpdir(), 'dialsim-scenario-kit-'));
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
});
