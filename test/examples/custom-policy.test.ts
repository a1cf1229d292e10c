/**
 * docs/examples/custom-policy is a user's project: Acme's house rules as custom policies, tested with
 * dialsim/testing. This test runs it as its owner would, without a nested `npm install` (CI has run `npm ci` at the
 * root only): the project is copied to a fresh directory whose node_modules holds what its install would, links to
 * this checkout for dialsim (its `file:../../..` dependency) and to the checkout's installed copies of its other
 * dependencies (date-holidays, vitest, typescript). The source folder itself is left as it is.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { scratchDir } from '../support/scratch-dir.js';

const SOURCE = join(repoRoot, 'docs/examples/custom-policy');

/** A copy of the example, "installed": node_modules/<name> links for each dependency it declares. */
function installedCopy(): string {
  const dir = join(realpathSync(scratchDir('example')), 'custom-policy');
  cpSync(SOURCE, dir, { recursive: true, filter: (path) => !path.split('/').includes('node_modules') });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  mkdirSync(join(dir, 'node_modules'));
  for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
    symlinkSync(name === 'dialsim' ? repoRoot : join(repoRoot, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  return dir;
}

/** The environment of a child tool, without the variables that tell a process it is a vitest worker. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_OPTIONS'));
}

function run(args: readonly string[], cwd: string, input?: string) {
  const result = spawnSync(process.execPath, args, { cwd, env: childEnv(), encoding: 'utf8', timeout: 120_000, input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  numTotalTests: number;
  numFailedTests: number;
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

describe('docs/examples/custom-policy', () => {
  let EXAMPLE = '';
  beforeAll(() => {
    assertBuildIsFresh();
    EXAMPLE = installedCopy();
  });

  it("its own test suite passes with its vitest config and setup file: 33 tests, a test per testPolicy case", () => {
    const output = join(EXAMPLE, 'report.json');
    const result = run([join(EXAMPLE, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json', `--outputFile=${output}`], EXAMPLE);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    const report = JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
    expect(report.numFailedTests).toBe(0);
    expect(report.numTotalTests).toBe(33);
    const names = report.testResults.flatMap((file) => file.assertionResults.map((test) => test.fullName));
    expect(names).toContain('acme.company-holidays blocked Independence Day falls on a Saturday: Friday 3 July is the observed holiday');
    expect(names).toContain('acme.disaster-area blocked no postal code: the rule cannot tell, so it blocks');
    expect(names).toContain('acme.attempt-cap allowed 3 calls, the oldest exactly 24 hours before: it no longer counts');
  });

  it('type-checks against the published types, matchers included (tsc --noEmit with its own tsconfig)', () => {
    const result = run([join(EXAMPLE, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], EXAMPLE);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('its pack, a TypeScript module importing others, loads into the real CLI on this Node.js: --policy policies/index.ts', () => {
    const request = {
      at: '2026-07-03T14:00:00-04:00',
      to: '(212) 555-0147',
      method: 'manual',
      caller: { seller: 'acme' },
      registries: { national: { syncedAt: '2026-07-01' } },
      extensions: { postalCode: '10001', recentCalls: ['2026-07-03T09:00:00-04:00'] },
    };
    const result = run([join(EXAMPLE, 'node_modules/dialsim/dist/src/cli/bin.js'), 'check', '--policy', 'policies/index.ts'], EXAMPLE, JSON.stringify(request));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "BLOCK  +12125550147
        callee local time: 2026-07-03T14:00:00-04:00 (America/New_York)
        ✖ acme.company-holidays [Acme calling policy §4.1] Acme is closed on 2026-07-03 in America/New_York: Independence Day (substitute day)
      "
    `);
  });
});
