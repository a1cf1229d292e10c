import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

/** `dialsim run` reports breaches apart from expectations, and exits 1 on a breach nobody expected. */

/** One call answered and abandoned in New York (the callee waits 3 s): 1 in 1 live answers, over the 3% cap. */
const abandoned = (expect: string) => `title: An abandoned call
seller: acme
packs: [us-federal]
clock: { start: 2026-03-10T08:00:00-05:00 }
leads: [{ id: bea, phone: (212) 555-0232, lineType: landline }]
registries: { national: { syncedAt: 2026-03-01, numbers: [] } }
steps:
  - { type: dial, id: bea, lead: bea, at: 2026-03-10T10:10:00-04:00, method: autodialer, agentWaitSeconds: 3 }
expect: ${expect}
`;

function scenarioFile(text: string): string {
  const dir = scratchDir('run-breaches');
  writeFileSync(join(dir, 'scenario.yaml'), text);
  return join(dir, 'scenario.yaml');
}

const BREACH_LINE =
  '✖ breach abandonment.rate (US) [47 CFR 64.1200(a)(7); 16 CFR 310.4(b)(4); P] UNEXPECTED: 1 of 1 calls answered by a person were abandoned (100.00%) in the 30 days ending 2026-03-10, over the 3% cap (periods over the cap: 1 of 1 measured)';

describe('dialsim run: compliance breaches', () => {
  it('an unexpected breach is listed with its citation and mark and fails the run with exit 1, every expectation holding', async () => {
    const result = await runCliInMemory(['run', scenarioFile(abandoned('[{ type: count, of: abandoned, equals: 1 }]'))]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(BREACH_LINE);
    expect(result.stdout).toContain('  expectations 1/1 held · compliance: 1 breach, unexpected\n');
    expect(result.stdout).toMatch(/scenario\.yaml +FAIL .* 1\/1 +1 breach, unexpected\n/);
    expect(result.stdout).toContain('0 of 1 scenarios passed (every expectation held and every compliance breach was expected)');
  });

  it('an expected breach is shown as expected and the run exits 0', async () => {
    const result = await runCliInMemory(['run', scenarioFile(abandoned('[{ type: breach, rule: abandonment.rate }]'))]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(BREACH_LINE.replace('✖', '⚠').replace('UNEXPECTED', 'expected'));
    expect(result.stdout).toContain('  expectations 1/1 held · compliance: 1 breach, expected\n');
  });

  it('a scenario with no expectations says "none stated", not 0/0', async () => {
    const result = await runCliInMemory(['run', scenarioFile(abandoned('[]').replace(', agentWaitSeconds: 3', ''))]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  no expectations stated · compliance: no breaches\n');
    expect(result.stdout).toMatch(/scenario\.yaml +pass .* none stated +no breaches\n/);
    expect(result.stdout).not.toContain('0/0');
  });

  it('--json gives the breaches beside the expectations, each marked expected or not, and not again in the campaign', async () => {
    const result = await runCliInMemory(['run', '--json', scenarioFile(abandoned('[{ type: count, of: abandoned, equals: 1 }]'))]);
    expect(result.code).toBe(1);
    const [scenario] = JSON.parse(result.stdout).scenarios;
    expect(scenario).toMatchObject({ passed: false, expectationsHeld: true, campaign: null });
    expect(scenario.breaches).toMatchObject([
      { rule: 'abandonment.rate', jurisdiction: 'US', citation: '47 CFR 64.1200(a)(7); 16 CFR 310.4(b)(4)', confidence: 'P', messageId: 'overCap', occurrences: 1, attemptIds: [], first: '2026-03-10', expected: false },
    ]);
  });

  it('--json leaves the breaches out of a campaign summary: they are the whole run\'s, given once', async () => {
    const result = await runCliInMemory(['run', '--json', 'scenarios/13-predictive-over-the-cap.yaml']);
    expect(result.code).toBe(0);
    const [scenario] = JSON.parse(result.stdout).scenarios;
    expect(scenario.campaign).not.toHaveProperty('breaches');
    expect(scenario.breaches).toMatchObject([{ rule: 'abandonment.rate', jurisdiction: 'US', expected: true, data: { rate: '21.21%' } }]);
  });
});
