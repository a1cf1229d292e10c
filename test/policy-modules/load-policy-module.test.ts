import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicyModuleError, loadPolicyModule, loadPolicyModules } from '../../src/policy-modules/load-policy-module.js';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { scratchDir } from '../support/scratch-dir.js';

/** A plain-object policy, as a JavaScript module without dialsim's helpers can write one. */
const SUNDAYS = `{
  id: 'acme.quiet-sundays',
  title: 'No calls on Sundays',
  citation: 'Acme calling policy §3',
  messages: { sunday: 'it is Sunday' },
  evaluate: () => ({ outcome: 'pass' }),
}`;

/** A fresh directory holding `files`; relative module paths in the tests resolve against it. */
function setup(files: Record<string, string>): string {
  const dir = realpathSync(scratchDir('modules'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function errorOf(promise: Promise<unknown>): Promise<PolicyModuleError> {
  try {
    await promise;
  } catch (error) {
    return error as PolicyModuleError;
  }
  throw new Error('the module loaded');
}

describe('loadPolicyModules: modules by path, one pack per module', () => {
  it('a default-exported policy becomes a pack named after the module, with the optional fields filled in', async () => {
    const baseDir = setup({ 'sundays.mjs': `export default ${SUNDAYS};` });
    const [pack] = await loadPolicyModules(['./sundays.mjs'], { baseDir });
    expect(pack!.id).toBe('./sundays.mjs');
    expect(pack!.policies.map((policy) => policy.id)).toEqual(['acme.quiet-sundays']);
    expect(pack!.policies[0]).toMatchObject({ description: '', exemptions: [], examples: [] });
  });

  it('an array of policies, and a pack with its own id, in the order the paths are given', async () => {
    const baseDir = setup({
      'array.js': `export default [${SUNDAYS}, { ...${SUNDAYS}, id: 'acme.quiet-saturdays' }];`,
      'pack.mjs': `export default { id: 'acme', title: 'Acme house rules', policies: [{ ...${SUNDAYS}, id: 'acme.night' }] };`,
    });
    const packs = await loadPolicyModules(['array.js', 'pack.mjs'], { baseDir });
    expect(packs.map((pack) => [pack.id, pack.policies.map((policy) => policy.id)])).toEqual([
      ['array.js', ['acme.quiet-sundays', 'acme.quiet-saturdays']],
      ['acme', ['acme.night']],
    ]);
  });

  it('a module that imports dialsim (definePolicy, violation) from the project where dialsim is installed', async () => {
    assertBuildIsFresh();
    const baseDir = setup({
      'holidays.mjs': `import { definePolicy, violation } from 'dialsim';
export default definePolicy({ id: 'acme.always', title: 'Always', citation: 'Acme §1', messages: { always: 'always' }, evaluate: () => violation('always') });`,
    });
    mkdirSync(join(baseDir, 'node_modules'));
    symlinkSync(repoRoot, join(baseDir, 'node_modules', 'dialsim'), 'dir');
    const pack = await loadPolicyModule('holidays.mjs', { baseDir });
    expect(pack.policies[0]?.evaluate({} as never)).toEqual({ outcome: 'violation', messageId: 'always', data: {} });
  });

  it.each([
    ['a missing file', {}, 'nope.mjs', (dir: string) => `policy module nope.mjs: no such file (${dir}/nope.mjs)`],
    ['a directory', {}, '.', (dir: string) => `policy module .: ${dir} is a directory, not a module`],
    ['a JSON file', { 'rules.json': '{}' }, 'rules.json', () => 'policy module rules.json: cannot load a ".json" file: give a JavaScript (.js, .mjs, .cjs) or TypeScript (.ts, .mts) module'],
    [
      'no default export',
      { 'named.mjs': `export const sundays = ${SUNDAYS};` },
      'named.mjs',
      () => 'policy module named.mjs: has no default export: export default a policy (definePolicy), an array of policies or a pack (definePack); it exports only sundays',
    ],
    ['a default export that is not an object', { 'text.mjs': `export default 'acme.quiet-sundays';` }, 'text.mjs', () => 'policy module text.mjs: default export: expected a policy (definePolicy), an array of policies or a pack (definePack), got "acme.quiet-sundays"'],
    [
      'a malformed policy (a misspelt field)',
      { 'typo.mjs': `export default { ...${SUNDAYS}, evalute: () => ({ outcome: 'pass' }) };` },
      'typo.mjs',
      () => 'policy module typo.mjs: default export: policy "acme.quiet-sundays": unknown field "evalute" (did you mean "evaluate"?)',
    ],
    [
      'a malformed policy in an array',
      { 'array.mjs': `export default [${SUNDAYS}, { ...${SUNDAYS}, id: 'Acme Night' }];` },
      'array.mjs',
      () => 'policy module array.mjs: default export[1]: policy "Acme Night": id must be dotted lowercase words, e.g. "acme.quiet-sundays", got "Acme Night"',
    ],
    [
      'a pack with a rule id twice',
      { 'pack.mjs': `export default { id: 'acme', title: 'Acme', policies: [${SUNDAYS}, ${SUNDAYS}] };` },
      'pack.mjs',
      () => 'policy module pack.mjs: default export: pack acme: rule id "acme.quiet-sundays" appears twice',
    ],
    ['a module that throws while loading', { 'throws.mjs': `throw new Error('holiday data for 2026 not found');` }, 'throws.mjs', () => 'policy module throws.mjs: failed to load: Error: holiday data for 2026 not found'],
  ] as const)('%s: a PolicyModuleError naming the module', async (_, files, path, message) => {
    const baseDir = setup(files);
    const error = await errorOf(loadPolicyModules([path], { baseDir }));
    expect(error).toBeInstanceOf(PolicyModuleError);
    expect(error.module).toBe(path);
    expect(error.message).toBe(message(baseDir));
  });

  it('a syntax error or a package that is not installed: the import error, after the module name', async () => {
    const baseDir = setup({ 'syntax.mjs': 'export default {', 'package.mjs': "import Holidays from 'no-such-holiday-package';\nexport default Holidays;" });
    // The error's own text is the loader's: Node.js says SyntaxError, vitest's loader (running this test) says more.
    expect((await errorOf(loadPolicyModule('syntax.mjs', { baseDir }))).message).toMatch(/^policy module syntax\.mjs: failed to load: \w*Error: .*syntax/i);
    expect((await errorOf(loadPolicyModule('package.mjs', { baseDir }))).message).toMatch(/^policy module package\.mjs: failed to load: .*no-such-holiday-package/);
  });

  it('relative paths resolve against the current directory by default', async () => {
    const dir = setup({ 'sundays.mjs': `export default ${SUNDAYS};` });
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect((await loadPolicyModule('./sundays.mjs')).policies[0]?.id).toBe('acme.quiet-sundays');
    } finally {
      process.chdir(cwd);
    }
  });
});
