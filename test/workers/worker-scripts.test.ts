/**
 * Issue 14: worker threads start from each worker script's bundle (one file, built by `npm run build`), and from the
 * module files when they load `--policy` modules or the build has no bundle; the pool's setup is made once the
 * threads exist, while they load.
 */
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { NdjsonBatch, NdjsonBatchAnswer } from '../../src/cli/check-workers.js';
import { SCRUB_BUNDLE } from '../../src/cli/commands/scrub.js';
import { bundledScriptName, bundleInput, compiledWorkerScript, WORKER_SCRIPTS } from '../../src/workers/worker-scripts.js';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { scratchDir } from '../support/scratch-dir.js';

const builtModule = (path: string): string => pathToFileURL(join(repoRoot, 'dist', path)).href;

describe('compiledWorkerScript', () => {
  it('runs from the TypeScript sources in the calling thread alone', () => {
    expect(compiledWorkerScript(pathToFileURL(join(repoRoot, 'src/cli/check-workers.ts')).href, 'check-worker', { bundled: true })).toBeUndefined();
  });

  it('starts from the bundle beside the script when asked, from the module file otherwise', () => {
    assertBuildIsFresh();
    const from = builtModule('src/cli/check-workers.js');
    expect(compiledWorkerScript(from, 'check-worker', { bundled: true })?.href).toBe(builtModule('src/cli/check-worker.bundle.js'));
    expect(compiledWorkerScript(from, 'check-worker', { bundled: false })?.href).toBe(builtModule('src/cli/check-worker.js'));
  });

  /**
   * A built folder with a worker script and (`bundled`) its bundle, listing the files it was made from as they were
   * (`listed`); `changed` is then written again with other code of the same size, as `tsc` alone or a dependency
   * upgraded in place would, and `touched` with the same code, as npm writes every file of an installed copy.
   */
  function builtFolder(name: string, { bundled = true, listed = true, changed, touched }: { bundled?: boolean; listed?: boolean; changed?: string; touched?: string }) {
    const folder = join(scratchDir('worker-scripts'), name);
    mkdirSync(join(folder, 'lib'), { recursive: true });
    writeFileSync(join(folder, 'caller.js'), '');
    const inputs = ['some-worker.js', 'lib/rules.js'];
    for (const input of inputs) {
      writeFileSync(join(folder, input), 'export {};\n');
      utimesSync(join(folder, input), 1_000, 1_000);
    }
    if (bundled) {
      writeFileSync(join(folder, 'some-worker.bundle.js'), '');
      if (listed) writeFileSync(join(folder, 'some-worker.bundle.js.inputs.json'), JSON.stringify({ inputs: inputs.map((input) => bundleInput(folder, input)) }));
    }
    if (changed !== undefined) {
      writeFileSync(join(folder, changed), 'export {}\n;');
      utimesSync(join(folder, changed), 2_000, 2_000);
    }
    if (touched !== undefined) {
      writeFileSync(join(folder, touched), 'export {};\n');
      utimesSync(join(folder, touched), 2_000, 2_000);
    }
    const script = (file: string) => pathToFileURL(join(folder, file)).href;
    return { started: compiledWorkerScript(script('caller.js'), 'some-worker', { bundled: true })?.href, bundle: script('some-worker.bundle.js'), files: script('some-worker.js') };
  }

  it('starts from the bundle when every file it was made from is as the build found it', () => {
    const { started, bundle } = builtFolder('current', {});
    expect(started).toBe(bundle);
  });

  it('starts from the module files when the build has no bundle, or it cannot say what it was made from', () => {
    const unbundled = builtFolder('unbundled', { bundled: false });
    expect(unbundled.started).toBe(unbundled.files);
    const unlisted = builtFolder('unlisted', { listed: false });
    expect(unlisted.started).toBe(unlisted.files);
  });

  it("starts from the module files when one of them changed after the bundle was made: its code would differ from this thread's", () => {
    const stale = builtFolder('stale', { changed: 'lib/rules.js' });
    expect(stale.started).toBe(stale.files);
  });

  it('starts from the bundle when its files were written anew with the same content, as an installed copy is', () => {
    const installed = builtFolder('installed', { touched: 'lib/rules.js' });
    expect(installed.started).toBe(installed.bundle);
  });

  it("names a dependency's file by its package, found where dialsim resolves that package, as an installed copy has it elsewhere", () => {
    const folder = join(scratchDir('worker-scripts'), 'dependency');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'caller.js'), '');
    writeFileSync(join(folder, 'some-worker.js'), 'export {};\n');
    writeFileSync(join(folder, 'some-worker.bundle.js'), '');
    const zodManifest = join(repoRoot, 'node_modules', 'zod', 'package.json');
    const listed = bundleInput(folder, relative(folder, zodManifest));
    expect(listed).toMatchObject({ package: 'zod', path: 'package.json' });
    const started = (inputs: readonly object[], name: string) => {
      const at = join(folder, name);
      mkdirSync(at, { recursive: true });
      for (const file of ['caller.js', 'some-worker.js', 'some-worker.bundle.js']) writeFileSync(join(at, file), readFileSync(join(folder, file)));
      writeFileSync(join(at, 'some-worker.bundle.js.inputs.json'), JSON.stringify({ inputs }));
      return compiledWorkerScript(pathToFileURL(join(at, 'caller.js')).href, 'some-worker', { bundled: true })?.href === pathToFileURL(join(at, 'some-worker.bundle.js')).href;
    };
    // Written anew (another mtime) with the same content: hashed, and the same.
    expect(started([{ ...listed, mtimeMs: 1 }], 'same-content')).toBe(true);
    expect(started([{ ...listed, mtimeMs: 1, sha256: '0'.repeat(64) }], 'other-content')).toBe(false);
    expect(started([{ ...listed, package: 'no-such-package-of-dialsim' }], 'not-installed')).toBe(false);
  });

  it('names a scoped package, and a package nested under another, by their names; one nested deeper by its path', () => {
    const root = join(scratchDir('worker-scripts'), 'named-packages');
    const files = ['node_modules/@scope/pkg/index.js', 'node_modules/@scope/pkg/node_modules/inner/lib/a.js', 'node_modules/outer/node_modules/mid/node_modules/deep/b.js'];
    for (const file of files) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), 'export {};\n');
    }
    const bundleFolder = join(root, 'dist', 'src');
    mkdirSync(bundleFolder, { recursive: true });
    const listed = files.map((file) => bundleInput(bundleFolder, relative(bundleFolder, join(root, file))));
    expect(listed[0]).toMatchObject({ package: '@scope/pkg', path: 'index.js' });
    expect(listed[0]).not.toHaveProperty('from');
    expect(listed[1]).toMatchObject({ package: 'inner', from: '@scope/pkg', path: 'lib/a.js' });
    expect(listed[2]).toMatchObject({ path: relative(bundleFolder, join(root, files[2]!)) });
    expect(listed[2]).not.toHaveProperty('package');
  });

  it('starts from the module files when a file was written anew and its list, from an older build, has no content hash', () => {
    const folder = join(scratchDir('worker-scripts'), 'unhashed');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'caller.js'), '');
    writeFileSync(join(folder, 'some-worker.js'), 'export {};\n');
    writeFileSync(join(folder, 'some-worker.bundle.js'), '');
    const { sha256: _hash, ...unhashed } = bundleInput(folder, 'some-worker.js');
    writeFileSync(join(folder, 'some-worker.bundle.js.inputs.json'), JSON.stringify({ inputs: [unhashed] }));
    utimesSync(join(folder, 'some-worker.js'), 2_000, 2_000);
    expect(compiledWorkerScript(pathToFileURL(join(folder, 'caller.js')).href, 'some-worker', { bundled: true })?.href).toBe(pathToFileURL(join(folder, 'some-worker.js')).href);
  });
});

describe('the worker scripts\' bundles', () => {
  it('hold every module but Node\'s own, so that a worker reads one file', () => {
    assertBuildIsFresh();
    for (const script of WORKER_SCRIPTS) {
      const bundle = readFileSync(join(repoRoot, 'dist', bundledScriptName(script)), 'utf8');
      // Static imports as the minified bundle writes them (`import{x as y}from"node:fs";`), and dynamic ones.
      const imported = [...bundle.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] ?? match[2]);
      expect(imported.length, `${script}: the node: modules it imports`).toBeGreaterThan(0);
      expect(imported.filter((specifier) => !specifier!.startsWith('node:')), script).toEqual([]);
    }
  });

  it("keep the name of every class of dialsim's own (messages show some), which esbuild would rename on a collision", () => {
    assertBuildIsFresh();
    const sources = readdirSync(repoRoot, { recursive: true, encoding: 'utf8' }).filter((path) => /^(src|policies)\/.*\.ts$/.test(path));
    const classes = new Set(sources.flatMap((path) => [...readFileSync(join(repoRoot, path), 'utf8').matchAll(/\bclass\s+([A-Z]\w*)/g)].map((match) => match[1]!)));
    expect(classes.size).toBeGreaterThan(30);
    for (const bundle of [...WORKER_SCRIPTS.map(bundledScriptName), SCRUB_BUNDLE.bundle]) {
      const text = readFileSync(join(repoRoot, 'dist', bundle), 'utf8');
      // Renamed, a class is declared as `var Name2=class` or `class Name2`.
      const renamed = [...text.matchAll(/(?:\bvar\s+|\bclass\s+)([A-Z]\w*?)(\d+)\s*(?:=\s*class\b|[{\s]|extends)/g)].map((match) => match[1]!).filter((name) => classes.has(name));
      expect(renamed, bundle).toEqual([]);
    }
  });

  it("are not built with esbuild's keepNames, whose helper redefines the name of every closure made per request", () => {
    assertBuildIsFresh();
    for (const bundle of [...WORKER_SCRIPTS.map(bundledScriptName), SCRUB_BUNDLE.bundle]) {
      const text = readFileSync(join(repoRoot, 'dist', bundle), 'utf8');
      expect(text.length, bundle).toBeGreaterThan(100_000);
      expect(text.match(/\b__name\(/g) ?? [], bundle).toEqual([]);
    }
  });
});

describe('WorkerPool.start', () => {
  it("throws the setup's own error at once when the setup cannot be made: the calling thread's failure, not the workers'", async () => {
    assertBuildIsFresh();
    const { WorkerPool } = (await import(builtModule('src/workers/worker-pool.js'))) as typeof import('../../src/workers/worker-pool.js');
    const script = new URL(builtModule('src/cli/check-worker.bundle.js'));
    expect(() =>
      WorkerPool.start(script, 2, () => {
        throw new Error('a registry of kind FancyRegistry cannot be shared with worker threads');
      }),
    ).toThrow('a registry of kind FancyRegistry cannot be shared with worker threads');
  });

  it('makes the setup once and sets every worker up from it', async () => {
    assertBuildIsFresh();
    const { WorkerPool } = (await import(builtModule('src/workers/worker-pool.js'))) as typeof import('../../src/workers/worker-pool.js');
    const { screenNdjsonBatch } = (await import(builtModule('src/cli/screen-ndjson-batch.js'))) as typeof import('../../src/cli/screen-ndjson-batch.js');
    const { NdjsonLineScreener } = (await import(builtModule('src/cli/check-stream.js'))) as typeof import('../../src/cli/check-stream.js');
    const { shareScreenOptions } = (await import(builtModule('src/workers/shared-screen-options.js'))) as typeof import('../../src/workers/shared-screen-options.js');
    const { InMemoryRegistry } = (await import(builtModule('src/resolve/registry.js'))) as typeof import('../../src/resolve/registry.js');
    const options = { registries: { national: { syncedAt: Date.UTC(2026, 2, 1), numbers: new InMemoryRegistry(['+13035550123']) } } };
    let setupsMade = 0;
    const pool = await WorkerPool.start<NdjsonBatch, NdjsonBatchAnswer>(
      new URL(builtModule('src/cli/check-worker.bundle.js')),
      2,
      () => {
        setupsMade++;
        return { screen: shareScreenOptions(options, undefined) };
      },
    );
    try {
      expect(setupsMade).toBe(1);
      const lines = ['{"at":"2026-03-10T12:00:00-05:00","to":"303-555-0123","method":"manual","caller":{"seller":"acme"}}', '{"at":"2026-03-10T12:00:00-05:00","to":"303-555-0199","method":"manual","caller":{"seller":"acme"}}'].join('\n');
      const answers = await Promise.all([0, 1].map(() => pool.run({ bytes: new Uint8Array(Buffer.from(lines)), firstLine: 1, spareBuffers: [] })));
      const here = screenNdjsonBatch(new NdjsonLineScreener(options), Buffer.from(lines), 1, []);
      const text = (answer: NdjsonBatchAnswer) => answer.output.map(({ buffer, length }) => Buffer.from(buffer, 0, length).toString('utf8')).join('');
      // The registry reached the workers: the listed number is blocked, the other allowed, as in this thread.
      expect(text(here)).toContain('"verdict":"block"');
      for (const answer of answers) expect(text(answer)).toBe(text(here));
    } finally {
      await pool.close();
    }
  });
});
