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
import { AreaCodeBitmaps } from '../../src/registry-store/area-code-bitmaps.js';
import { encodeRegistryStore } from '../../src/registry-store/registry-store.js';
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

  it('the "From code" example runs against a store of its own, and answers as its comments say', () => {
    // The example's own store, in a folder of its own: 303 and 720 downloaded, 303-555-0123 listed.
    const storeDir = scratchDir('registry-doc-code');
    const bitmaps = new AreaCodeBitmaps();
    const coverage = new Map<number, { syncedAt: number; source: string }>();
    for (const areaCode of [303, 720]) {
      bitmaps.cover(areaCode);
      coverage.set(areaCode, { syncedAt: Date.UTC(2026, 1, 25), source: `download of area code ${areaCode}` });
    }
    bitmaps.add(303, 5550123);
    writeFileSync(join(storeDir, 'registry.dnc'), encodeRegistryStore(bitmaps, coverage, 'docs/registry.md example'));
    const text = readFileSync(join(repoRoot, 'docs/registry.md'), 'utf8');
    const block = /### From code[\s\S]*?```ts\n([\s\S]*?)```/.exec(text)?.[1];
    expect(block, 'a ts block under "From code"').toBeDefined();
    const [importLine, ...body] = block!.split('\n');
    expect(importLine).toBe("import { RegistryStore } from 'dialsim';");
    process.chdir(storeDir);
    try {
      // The example is plain JavaScript under its import: run as written, it hands back what it made.
      const run = new Function('RegistryStore', `${body.join('\n')}\nreturn { store, numbers, listed };`) as (
        store: typeof RegistryStore,
      ) => { store: RegistryStore; numbers: number[]; listed: Uint8Array };
      const { store, numbers, listed } = run(RegistryStore);
      expect(numbers.length).toBeGreaterThan(1);
      expect([...listed]).toEqual(numbers.map((number) => (store.has(`+1${number}`) ? 1 : 0)));
      expect([...listed]).toEqual([1, 0]);
      expect(store.has('+13035550123')).toBe(true);
      expect(store.syncedAtOf('+13035550123')).toBe(Date.UTC(2026, 1, 25));
      expect(store.syncedAtOf('+12125550100')).toBeUndefined();
      for (const notTenDigits of [13035550123, 3035550123.5, -1]) expect(() => store.hasEach([notTenDigits], new Uint8Array(1))).toThrow(RangeError);
    } finally {
      process.chdir(cwd);
    }
  });
});
