import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

function tempDir(): string {
  return scratchDir('run');
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
    expect(records.map((record) => record.type)).toEqual(['header', 'attempt', 'transition', 'transition']);
    // The header names the scenario file by name and by the hash of its bytes, and the seed the run used.
    expect(records[0]).toMatchObject({ dialsim: '0.1.0', scenario: { file: 'late.yaml', sha256: createHash('sha256').update(readFileSync(join(dir, 'late.yaml'))).digest('hex') } });
    expect(records[0].seed).toBe(JSON.parse(result.stdout).scenarios[0].seed);
  });

  it('refuses no input, a missing path and a bad seed with exit 2', async () => {
    expect((await runCliInMemory(['run'])).stderr).toContain('name one or more scenario files or folders');
    expect((await runCliInMemory(['run', '/nonexistent/x.yaml'])).stderr).toContain('no such file or folder: /nonexistent/x.yaml');
    const dir = tempDir();
    writeFileSync(join(dir, 'late.yaml'), lateCall('hours.federal'));
    const badSeed = await runCliInMemory(['run', '--seed', 'abc', dir]);
    expect(badSeed).toMatchObject({ code: 2, stderr: 'dialsim run: --seed expects a whole number, got "abc"\n' });
  });

  it('an unknown rule id in an expectation suggests the closest one: "hours.fedral", did you mean "hours.federal"?', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'late.yaml'), lateCall('hours.fedral'));
    const result = await runCliInMemory(['run', join(dir, 'late.yaml')]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `dialsim run: expect[0].rules[0]: unknown rule id "hours.fedral" (did you mean "hours.federal"?) (${join(dir, 'late.yaml')}:22:13)\n`,
    });
  });
});

describe('dialsim run --audit and --report: a path that cannot be written is refused before anything runs', () => {
  function setup() {
    const dir = tempDir();
    const scenario = join(dir, 'late.yaml');
    writeFileSync(scenario, lateCall('hours.federal'));
    return { dir, scenario };
  }

  it('--audit in a folder that does not exist: exit 2, naming the path and the missing folder, nothing printed', async () => {
    const { dir, scenario } = setup();
    const audit = join(dir, 'no/such/dir/a.jsonl');
    const result = await runCliInMemory(['run', scenario, '--audit', audit]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `dialsim run: cannot write --audit ${audit}: the folder ${join(dir, 'no/such/dir')} does not exist\n` });
  });

  it('--report naming a folder: exit 2 before the run (no timeline printed), and the folder is left alone', async () => {
    const { dir, scenario } = setup();
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    const result = await runCliInMemory(['run', scenario, '--report', folder]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `dialsim run: cannot write --report ${folder}: it is a folder, not a file\n` });
  });

  it('--attempts-csv in a folder that does not exist: exit 2 before the run, and no report is written either', async () => {
    const { dir, scenario } = setup();
    const csv = join(dir, 'missing', 'attempts.csv');
    const result = await runCliInMemory(['run', scenario, '--report', join(dir, 'report.html'), '--attempts-csv', csv]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `dialsim run: cannot write --attempts-csv ${csv}: the folder ${join(dir, 'missing')} does not exist\n` });
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });

  it('--attempts-csv writes one row per attempt of every scenario and says so', async () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'other.yaml'), lateCall('hours.federal'));
    const csv = join(dir, 'attempts.csv');
    const result = await runCliInMemory(['run', dir, '--attempts-csv', csv]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote the attempt table to ${csv}\n`);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('scenario,attempt,lead,number,at_utc,callee_local_time,method,verdict,rules,citations,lifted,outcome');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['late.yaml,A0000001', 'other.yaml,A0000001']);
  });

  it('--report under a file, as if it were a folder: exit 2 naming the file', async () => {
    const { dir, scenario } = setup();
    const report = join(dir, 'late.yaml', 'report.html');
    const result = await runCliInMemory(['run', scenario, '--report', report]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `dialsim run: cannot write --report ${report}: ${scenario} is not a folder\n` });
  });

  it('with several scenarios each audit path is checked: a folder named like one of them is refused, and no other file is created', async () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'other.yaml'), lateCall('hours.federal'));
    mkdirSync(join(dir, 'out.other.jsonl'));
    const result = await runCliInMemory(['run', dir, '--audit', join(dir, 'out.jsonl')]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `dialsim run: cannot write --audit ${join(dir, 'out.other.jsonl')}: it is a folder, not a file\n` });
    expect(existsSync(join(dir, 'out.late.jsonl'))).toBe(false);
  });

  it('paths that can be written are accepted: the audit log and the report are written after the run', async () => {
    const { dir, scenario } = setup();
    const result = await runCliInMemory(['run', scenario, '--audit', join(dir, 'a.jsonl'), '--report', join(dir, 'r.html')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote the report to ${join(dir, 'r.html')}\nwrote the audit log to ${join(dir, 'a.jsonl')}\n`);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('<html');
  });
});
