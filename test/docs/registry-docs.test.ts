/**
 * docs/registry.md walks through generate, import, info and check with a store. This test replays its console
 * blocks in a fresh directory: a `$ cat FILE` line writes the file the doc shows, and every `$ npx dialsim ...`
 * line must print exactly what the doc shows.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCheckContext } from '../../src/core/check-context.js';
import { RegistryStore } from '../../src/index.js';
import { repoRoot } from '../support/built-package.js';
import { consoleTranscripts } from '../support/console-transcripts.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

/** `ftc/*.txt` as the shell would expand it, in the directory `dir`. */
function expand(argument: string, dir: string): string[] {
  const glob = /^(.*)\/\*(\.\w+)$/.exec(argument);
  if (glob === null) return [argument];
  return readdirSync(join(dir, glob[1]!))
    .filter((name) => name.endsWith(glob[2]!))
    .sort()
    .map((name) => `${glob[1]}/${name}`);
}

describe('docs/registry.md', () => {
  const dir = scratchDir('registry-doc');
  const cwd = process.cwd();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the context shown under "Using a store" is one --context accepts', () => {
    const text = readFileSync(join(repoRoot, 'docs/registry.md'), 'utf8');
    const block = /## Using a store[\s\S]*?```jsonc\n([\s\S]*?)```/.exec(text)?.[1];
    expect(block, 'a jsonc block under "Using a store"').toBeDefined();
    const json = JSON.parse(block!.replace(/\s+\/\/.*$/gm, ''));
    expect(parseCheckContext(json, 'docs/registry.md').registries).toEqual({ national: { store: 'registry.dnc' }, states: { FL: { store: 'florida.dnc' } } });
  });

  it('every command of the walk-through prints what the doc shows', async () => {
    const shown = consoleTranscripts(readFileSync(join(repoRoot, 'docs/registry.md'), 'utf8'), 'docs/registry.md');
    expect(shown.filter(({ command }) => command.startsWith('npx dialsim')).length).toBeGreaterThanOrEqual(5);
    process.chdir(dir);
    try {
      for (const { line, command, expected: output } of shown) {
        const [program, ...args] = command.split(/\s+/);
        if (program === 'cat') {
          writeFileSync(args[0]!, output);
          continue;
        }
        expect(program, `docs/registry.md:${line}`).toBe('npx');
        const argv = args.slice(1).flatMap((argument) => expand(argument, dir));
        const result = await runCliInMemory(argv);
        expect(result.stdout + result.stderr, `docs/registry.md:${line}: ${command}`).toBe(output);
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('the "From code" example runs against the store the walk-through built, and answers as its comments say', () => {
    const text = readFileSync(join(repoRoot, 'docs/registry.md'), 'utf8');
    const block = /### From code[\s\S]*?```ts\n([\s\S]*?)```/.exec(text)?.[1];
    expect(block, 'a ts block under "From code"').toBeDefined();
    const [importLine, ...body] = block!.split('\n');
    expect(importLine).toBe("import { RegistryStore } from 'dialsim';");
    process.chdir(dir);
    try {
      // The example is plain JavaScript under its import: run as written, it hands back what it made.
      const run = new Function('RegistryStore', `${body.join('\n')}\nreturn { store, numbers, listed };`) as (
        store: typeof RegistryStore,
      ) => { store: RegistryStore; numbers: number[]; listed: Uint8Array };
      const { store, numbers, listed } = run(RegistryStore);
      expect(numbers.length).toBeGreaterThan(1);
      expect([...listed]).toEqual(numbers.map((number) => (store.has(`+1${number}`) ? 1 : 0)));
      expect(typeof store.has('+13035550123')).toBe('boolean');
      const syncedAt = store.syncedAtOf('+13035550123');
      expect(syncedAt === undefined || Number.isFinite(syncedAt)).toBe(true);
      for (const notTenDigits of [13035550123, 3035550123.5, -1]) expect(() => store.hasEach([notTenDigits], new Uint8Array(1))).toThrow(RangeError);
    } finally {
      process.chdir(cwd);
    }
  });
});
