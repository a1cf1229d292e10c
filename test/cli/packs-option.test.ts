import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PACK_IDS } from '../../src/engine/packs-in-force.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

const LATE_DENVER_CALL = JSON.stringify({
  at: '2026-03-10T21:30:00-06:00',
  to: '(303) 555-0123',
  method: 'manual',
  caller: { seller: 'acme' },
  registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
});

/** A scenario whose expectation names a custom rule from the module it lists under `policies`. */
function scenarioWithOwnPolicy(): string {
  const dir = scratchDir('packs');
  writeFileSync(
    join(dir, 'no-tuesdays.js'),
    `import { definePolicy, violation } from ${JSON.stringify(pathToFileURL(resolve('dist/src/index.js')).href)};
export default definePolicy({ id: 'acme.no-tuesdays', title: 'No calls on Tuesdays', citation: 'Acme calling policy 2', messages: { tuesday: 'it is Tuesday' }, evaluate: () => violation('tuesday') });
`,
  );
  const file = join(dir, 'tuesday.yaml');
  writeFileSync(
    file,
    `title: A Tuesday call
seller: acme
clock: { start: 2026-03-10T08:00:00-06:00 }
packs: [us-federal]
policies: [./no-tuesdays.js]
leads: [{ id: L1, phone: (303) 555-0142, lineType: landline }]
registries: { national: { syncedAt: 2026-03-01 } }
steps: [{ type: dial, id: call, lead: L1, at: 2026-03-10T14:00:00-06:00 }]
expect: [{ type: decision, step: call, verdict: block, rules: [acme.no-tuesdays] }]
`,
  );
  return file;
}

describe('--packs', () => {
  it('check --packs us-federal screens with the federal pack and the common rules', async () => {
    const { code, stdout } = await runCliInMemory(['check', '--json', '--packs', 'us-federal'], LATE_DENVER_CALL);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).violations.map((violation: { rule: string }) => violation.rule)).toEqual(['hours.federal']);
  });

  it("a request's own packs win over --packs", async () => {
    const request = JSON.stringify({ ...JSON.parse(LATE_DENVER_CALL), packs: ['us-federal'], registries: { internal: { numbers: ['303-555-0123'] } } });
    const { code, stdout } = await runCliInMemory(['check', '--json', '--packs', 'us-federal'], request);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).violations.map((violation: { rule: string }) => violation.rule)).toEqual(['dnc.internal', 'hours.federal', 'dnc.registry-stale']);
  });

  it.each(['check', 'run', 'train', 'walkthrough'])('%s --packs with an unknown id exits 2 naming the flag and the known packs', async (command) => {
    const args = command === 'run' || command === 'walkthrough' ? [command, 'scenarios/01-single-call.yaml'] : [command];
    const { code, stderr } = await runCliInMemory([...args, '--packs', 'us-federal,moon'], LATE_DENVER_CALL);
    expect(code).toBe(2);
    expect(stderr).toContain(`--packs: unknown pack "moon": expected one of ${BUILT_IN_PACK_IDS.join('|')}`);
  });

  it('an unknown pack id in a request is malformed: exit 2 naming packs[0]', async () => {
    const request = JSON.stringify({ ...JSON.parse(LATE_DENVER_CALL), packs: ['moon'] });
    const { code, stderr } = await runCliInMemory(['check', '--json'], request);
    expect(code).toBe(2);
    expect(stderr).toContain('packs[0]: unknown pack "moon"');
  });
});

describe("a scenario's own packs and policies hold in every command (regression: walkthrough and train --from ignored them)", () => {
  // Root cause: walkthrough and train used the federal pack by name, so a scenario's expectation naming its own rule
  // failed to load there with "unknown rule id" while `run` accepted it.
  it('run accepts the scenario and its expectation holds', async () => {
    const { code, stdout } = await runCliInMemory(['run', scenarioWithOwnPolicy()]);
    expect(stdout).toContain('1/1');
    expect(code).toBe(0);
  });

  it('walkthrough shows the custom rule blocking', async () => {
    const { code, stdout, stderr } = await runCliInMemory(['walkthrough', '--no-pause', scenarioWithOwnPolicy()]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('acme.no-tuesdays');
  });

  it('train --from grades with the custom rule', async () => {
    const { code, stdout, stderr } = await runCliInMemory(['train', '--from', scenarioWithOwnPolicy()], 'block acme.no-tuesdays\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Score: 1 of 1 right');
  });
});
