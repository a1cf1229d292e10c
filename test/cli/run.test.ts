import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../support/run-cli-in-memory.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dialsim-run-'));
}

const lateCall = (expectedRule: string) => `title: A late call
seller: acme
packs: [us-federal]
clock:
  start: 2026-03-10T08:00:00-07:00
leads:
  - id: L1
    phone: (303) 555-0123
    lineType: landline
registries:
  national:
    syncedAt: 2026-03-01
steps:
  - type: dial
    id: late
    lead: L1
    at: 2026-03-10T20:30:00-07:00
expect:
  - type: decision
    step: late
    verdict: block
    rules: [${expectedRule}]
`;

describe('dialsim run', () => {
  it('prints the timeline, the expectations and the summary table, exit 0 when every expectation holds', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'late.yaml'), lateCall('hours.federal'));
    const result = await runCliInMemory(['run', join(dir, 'late.yaml')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dial L1 +13035550123 (21:30 America/Denver) manual [late]: BLOCK');
    expect(result.stdout).toContain('✖ hours.federal [47 CFR 64.1200(c)(1); 16 CFR 310.4(c)] 21:30 in America/Denver is at or after 21:00');
    expect(result.stdout).toContain('✔ decision for step late (A0000001)');
    expect(result.stdout).toContain('1 of 1 scenarios passed');
  });

  it('shows expected against actual and exits 1 when an expectation fails', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'late.yaml'), lateCall('dnc.national'));
    const result = await runCliInMemory(['run', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ decision for step late (A0000001)');
    expect(result.stdout).toContain('expected: block; blocked by dnc.national');
    expect(result.stdout).toContain('actual:   block; blocked by hours.federal; exemptions none');
    expect(result.stdout).toContain('0 of 1 scenarios passed');
  });

  it('refuses a broken scenario before running any, naming the file, line and field: exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-good.yaml'), lateCall('hours.federal'));
    writeFileSync(join(dir, 'b-bad.yaml'), lateCall('hours.federal').replace('lineType: landline', 'lineType: cell'));
    const result = await runCliInMemory(['run', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`dialsim run: leads[0].lineType: expected one of mobile|landline|unknown (got "cell") (${join(dir, 'b-bad.yaml')}:9:5)`);
  });

  it('writes the audit log and the JSON results', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'late.yaml'), lateCall('hours.federal'));
    const audit = join(dir, 'audit.jsonl');
    const result = await runCliInMemory(['run', '--json', '--audit', audit, join(dir, 'late.yaml')]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ passed: true, scenarios: [{ title: 'A late call', passed: true, steps: [{ id: 'late', verdict: 'block', path: ['blocked'] }] }] });
    const records = readFileSync(audit, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.map((record) => record.type)).toEqual(['attempt', 'transition', 'transition']);
  });

  it('refuses no input, a missing path and a bad seed with exit 2', async () => {
    expect((await runCliInMemory(['run'])).stderr).toContain('name one or more scenario files or folders');
    expect((await runCliInMemory(['run', '/nonexistent/x.yaml'])).stderr).toContain('no such file or folder: /nonexistent/x.yaml');
    const dir = tempDir();
    writeFileSync(join(dir, 'late.yaml'), lateCall('hours.federal'));
    const badSeed = await runCliInMemory(['run', '--seed', 'abc', dir]);
    expect(badSeed).toMatchObject({ code: 2, stderr: 'dialsim run: --seed expects a whole number, got "abc"\n' });
  });
});
