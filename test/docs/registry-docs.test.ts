/**
 * docs/registry.md walks through generate, import, info and check with a store. This test replays its console
 * blocks in a fresh directory: a `$ cat FILE` line writes the file the doc shows, and every `$ npx dialsim ...`
 * line must print exactly what the doc shows.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/built-package.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';

interface Shown {
  readonly line: number;
  readonly command: string;
  readonly output: string;
}

function consoleCommands(text: string): Shown[] {
  const shown: Shown[] = [];
  let inBlock = false;
  let current: { line: number; command: string; output: string[] } | undefined;
  const flush = () => {
    if (current !== undefined) shown.push({ line: current.line, command: current.command, output: current.output.map((line) => `${line}\n`).join('') });
    current = undefined;
  };
  text.split('\n').forEach((line, index) => {
    if (line.trim().startsWith('```')) {
      flush();
      inBlock = !inBlock && line.trim() === '```console';
      return;
    }
    if (!inBlock) return;
    if (line.startsWith('$ ')) {
      flush();
      current = { line: index + 1, command: line.slice(2), output: [] };
    } else current?.output.push(line);
  });
  return shown;
}

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
  const dir = mkdtempSync(join(tmpdir(), 'dialsim-registry-doc-'));
  const cwd = process.cwd();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every command of the walk-through prints what the doc shows', async () => {
    const shown = consoleCommands(readFileSync(join(repoRoot, 'docs/registry.md'), 'utf8'));
    expect(shown.filter(({ command }) => command.startsWith('npx dialsim')).length).toBeGreaterThanOrEqual(5);
    process.chdir(dir);
    try {
      for (const { line, command, output } of shown) {
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
});
