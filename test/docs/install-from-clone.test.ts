/**
 * Issue 13, item 12: the docs told readers to `npm install dialsim` and run `npx dialsim` in an empty directory, but
 * dialsim is not published, so both fail with a 404. The README now says how to install it from a clone. This test
 * takes that path as a user does, with what package.json's "files", "exports" and "bin" ship: it packs the
 * checkout, installs the tarball into a fresh project, and runs the README's `check` example and its script there.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it, onTestFinished } from 'vitest';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { scratchDir } from '../support/scratch-dir.js';

const run = promisify(execFile);
/** Measured at 3-4 s for the install; the margin is for a busy CI machine, not for downloads. */
const INSTALL_TIMEOUT_MS = 120_000;
const COMMAND_TIMEOUT_MS = 30_000;

interface LockEntry {
  readonly dev?: boolean;
  readonly [field: string]: unknown;
}

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides: Record<string, Record<string, string>>;
  bin: Record<string, string>;
  engines: Record<string, string>;
  license: string;
};

/**
 * A project that depends on the tarball (and on vitest, which dialsim/testing loads), with a lockfile copied from
 * the checkout's. CI's `npm ci` caches package tarballs but not the registry's metadata, which a lockfile-less
 * install of the tarball would fetch; with the checkout's resolutions written down, npm takes every package from
 * the cache and needs no network. The overrides are the checkout's too, so the tree is the one its suite tests.
 */
function writeProject(dir: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const dependencies = { dialsim: `file:${tarball}`, vitest: manifest.devDependencies.vitest! };
  const overrides = Object.fromEntries(
    Object.entries(manifest.overrides).map(([parent, children]) => [
      parent,
      // "$name" refers to the root's own dependency, which this project does not have: write the range instead.
      Object.fromEntries(Object.entries(children).map(([child, range]) => [child, range.startsWith('$') ? manifest.dependencies[range.slice(1)]! : range])),
    ]),
  );
  const packages: Record<string, unknown> = {
    '': { name: 'dialsim-user', dependencies },
    'node_modules/dialsim': {
      version: manifest.version,
      resolved: `file:${tarball}`,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [path, { dev: _dev, ...entry }] of Object.entries(lock.packages)) {
    // Entries the project does not need (dialsim's own dev tools) are dropped by npm without being fetched.
    if (path.startsWith('node_modules/')) packages[path] = entry;
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'dialsim-user', private: true, type: 'module', dependencies, overrides }, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'dialsim-user', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

/** Runs `command` and returns its standard output; a failure or a timeout throws, naming `what` and showing its output. */
async function exec(command: string, args: string[], options: { cwd: string; timeout: number; input?: string }, what: string): Promise<string> {
  const child = run(command, args, {
    cwd: options.cwd,
    timeout: options.timeout,
    killSignal: 'SIGKILL',
    maxBuffer: 16 * 1024 * 1024,
  });
  child.child.stdin!.end(options.input ?? '');
  try {
    return (await child).stdout;
  } catch (error) {
    const failure = error as { killed?: boolean; code?: unknown; stdout?: string; stderr?: string };
    if (failure.killed) {
      throw new Error(
        `${what} did not finish in ${options.timeout / 1000} s and was stopped: it is probably waiting for the npm registry ` +
          '(it should need none: every package comes from the cache `npm ci` filled)\n' + (failure.stderr ?? ''),
      );
    }
    throw new Error(`${what} failed (exit ${String(failure.code)}):\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
}

/** The README's `check` example: the request its `echo` pipes, and the ```text block after it. */
function readmeCheckExample(): { request: string; output: string } {
  const match = /^echo '([^']*)' \| npx dialsim check\n```\n\n```text\n([\s\S]*?)```/m.exec(readme);
  if (match === null) throw new Error('README.md: no `echo ... | npx dialsim check` block followed by a ```text block');
  return { request: `${match[1]}\n`, output: match[2]! };
}

/** The README's script for another project: the ```js block under "Using dialsim from another project". */
function readmeScript(): string {
  const section = readme.slice(readme.indexOf('## Using dialsim from another project'), readme.indexOf('## Docs'));
  const script = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (script === undefined) throw new Error('README.md: no ```js block under "Using dialsim from another project"');
  return script;
}

it(
  'a tarball packed from the checkout installs into a new project, whose `npx dialsim check` and imports of dialsim and dialsim/testing work',
  async () => {
    assertBuildIsFresh();
    const dir = realpathSync(scratchDir('install'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // --ignore-scripts: "prepare" would rebuild dist/ while other test files load it; the build is checked fresh above.
    const pack = ['pack', '--ignore-scripts', '--json', '--pack-destination', dir];
    const packed = JSON.parse(await exec('npm', pack, { cwd: repoRoot, timeout: COMMAND_TIMEOUT_MS }, 'npm pack')) as [{ filename: string }];
    const project = join(dir, 'project');
    mkdirSync(project);
    const tarball = `../${packed[0].filename}`;
    writeProject(project, tarball);
    const install = ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball];
    await exec('npm', install, { cwd: project, timeout: INSTALL_TIMEOUT_MS }, 'npm install of the packed tarball');

    const inProject = { cwd: project, timeout: COMMAND_TIMEOUT_MS };
    const { request, output } = readmeCheckExample();
    writeFileSync(join(project, 'request.json'), request);
    // --no: never fall back to the registry, where no dialsim is published.
    expect(await exec('npx', ['--no', 'dialsim', 'check', 'request.json'], inProject, 'npx dialsim check request.json')).toBe(output);
    expect(await exec('npx', ['--no', 'dialsim', 'check'], { ...inProject, input: request }, 'npx dialsim check < request')).toBe(output);

    writeFileSync(join(project, 'script.mjs'), readmeScript());
    expect(await exec('node', ['script.mjs'], inProject, "node script.mjs (the README's script)")).toBe('block\n');
  },
  INSTALL_TIMEOUT_MS + 4 * COMMAND_TIMEOUT_MS,
);
