import { spawnSync } from 'node:child_process';
import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

const request = {
  at: '2026-03-10T14:00:00-05:00',
  to: '(504) 555-0142',
  method: 'manual',
  caller: { seller: 'acme' },
  registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
  // Custom modules are the subject, not state law (Louisiana and Colorado keep lists of their own).
  packs: ['us-federal'],
};

/** Plain-object policies, so the modules need no installed dialsim: one blocks every call, one lets all through. */
const ALWAYS = `export default {
  id: 'acme.always',
  title: 'Blocks every call',
  citation: 'Acme calling policy §1',
  messages: { always: 'acme blocks every call to {e164}' },
  evaluate: (facts) => ({ outcome: 'violation', messageId: 'always', data: { e164: facts.number.e164 } }),
};`;
const NEVER = ALWAYS.replace("'acme.always'", "'acme.never'").replace("({ outcome: 'violation', messageId: 'always', data: { e164: facts.number.e164 } })", "({ outcome: 'pass' })");

function setup(files: Record<string, string>): string {
  const dir = realpathSync(scratchDir('check-policy'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('dialsim check --policy', () => {
  it('runs the module rules after the built-in ones: the JSON decision has the custom violation with its citation', async () => {
    const dir = setup({ 'always.mjs': ALWAYS });
    const result = await runCliInMemory(['check', '--json', '--policy', join(dir, 'always.mjs')], JSON.stringify(request));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).violations).toEqual([
      { rule: 'acme.always', citation: 'Acme calling policy §1', message: 'acme blocks every call to +15045550142' },
    ]);
  });

  it('is repeatable, and the built-in rules still run: 21:30 in Denver is blocked by hours.federal and acme.always', async () => {
    const dir = setup({ 'always.mjs': ALWAYS, 'never.mjs': NEVER });
    const late = { ...request, to: '(303) 555-0123', at: '2026-03-10T20:30:00-07:00' };
    const result = await runCliInMemory(['check', '--json', '--policy', join(dir, 'never.mjs'), '--policy', join(dir, 'always.mjs')], JSON.stringify(late));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).violations.map((violation: { rule: string }) => violation.rule)).toEqual(['hours.federal', 'acme.always']);
  });

  it('applies to every line of --ndjson', async () => {
    const dir = setup({ 'always.mjs': ALWAYS });
    const lines = `${JSON.stringify(request)}\n${JSON.stringify({ ...request, to: '(312) 555-0188' })}\n`;
    const result = await runCliInMemory(['check', '--ndjson', '--policy', join(dir, 'always.mjs')], lines);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line).violations[0].rule)).toEqual(['acme.always', 'acme.always']);
  });

  it('the same rule id in two modules exits 2 and names both modules', async () => {
    const dir = setup({ 'always.mjs': ALWAYS, 'copy.mjs': ALWAYS });
    const result = await runCliInMemory(['check', '--policy', join(dir, 'always.mjs'), '--policy', join(dir, 'copy.mjs')], JSON.stringify(request));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `dialsim check: rule id "acme.always" is declared by both pack ${dir}/always.mjs and pack ${dir}/copy.mjs: a rule cannot replace another, so give the custom rule an id of its own, prefixed with your company's name\n`,
    );
  });

  it('a module that cannot be loaded exits 2 before any request is read', async () => {
    const dir = setup({});
    const result = await runCliInMemory(['check', '--policy', join(dir, 'missing.mjs')], 'not even JSON');
    expect(result).toEqual({ code: 2, stdout: '', stderr: `dialsim check: policy module ${dir}/missing.mjs: no such file (${dir}/missing.mjs)\n` });
  });

  it('--help documents it', async () => {
    const result = await runCliInMemory(['check', '--help']);
    expect(result.stdout).toContain('--policy MODULE   A custom policy module (.js, .mjs or .ts)');
  });
});

describe('dialsim check --policy with TypeScript, in a real Node.js process (the built CLI)', () => {
  function runBuiltCli(args: readonly string[], cwd: string) {
    assertBuildIsFresh();
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist/src/cli/bin.js'), ...args], { cwd, env, input: JSON.stringify(request), encoding: 'utf8', timeout: 60_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('transpiles a .ts module and the .ts file it imports as ./helpers.js (Node 20 cannot load TypeScript itself)', () => {
    const dir = setup({
      'helpers.ts': `export const CITATION: string = 'Acme calling policy §8';\nexport function blocked(e164: string | null): boolean { return e164 !== null; }\n`,
      'rule.ts': `import { CITATION, blocked } from './helpers.js';
interface Facts { readonly number: { readonly e164: string | null } }
type Outcome = { outcome: 'pass' } | { outcome: 'violation'; messageId: 'typed'; data: { e164: string } };
export default {
  id: 'acme.typed',
  title: 'A rule written in TypeScript',
  citation: CITATION,
  messages: { typed: 'typed rule blocks {e164}' },
  evaluate: (facts: Facts): Outcome => (blocked(facts.number.e164) ? { outcome: 'violation', messageId: 'typed', data: { e164: facts.number.e164! } } : { outcome: 'pass' }),
};
`,
    });
    const result = runBuiltCli(['check', '--policy', 'rule.ts'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✖ acme.typed [Acme calling policy §8] typed rule blocks +15045550142');
  });

  it('a TypeScript syntax error exits 2, naming the module and the line', () => {
    const dir = setup({ 'broken.ts': `export default {\n  id: 'acme.broken',\n  evaluate: (facts: ) => facts,\n};\n` });
    const result = runBuiltCli(['check', '--policy', 'broken.ts'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`dialsim check: policy module broken.ts: failed to load: SyntaxError: ${dir}/broken.ts:3:21: Type expected.\n`);
  });
});
