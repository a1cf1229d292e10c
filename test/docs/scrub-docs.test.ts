/**
 * docs/scrub.md walks from a CRM export to a call list in ```console blocks: `$ command` lines followed by what they
 * print. This test replays them in order in one fresh directory and checks every output, so the walk-through is the
 * command's real behaviour. It knows only the shell forms the doc uses (`cat > FILE <<'EOF'`, `cat FILE`,
 * `npx dialsim ...`, `echo $?`); anything else fails, so a new example must keep to them.
 */
import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { scrubMessages } from '../../src/cli/commands/scrub-messages.js';
import { SCRUB_COLUMNS } from '../../src/scrub/scrub-list.js';
import { SCRUB_FIELD_NAMES } from '../../src/scrub/scrub-fields.js';
import { repoRoot } from '../support/built-package.js';
import { consoleTranscripts } from '../support/console-transcripts.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

const DOC = 'docs/scrub.md';
const text = readFileSync(join(repoRoot, DOC), 'utf8');

/** Shell words: 'single-quoted' or bare. */
const words = (command: string) => [...command.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2]!);

describe(DOC, () => {
  it('every example command prints exactly what the walk-through shows, exit codes included', async () => {
    const dir = realpathSync(scratchDir('scrub-doc'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const cwd = process.cwd();
    process.chdir(dir);
    let lastCode = 0;
    try {
      const shown = consoleTranscripts(text, DOC);
      expect(shown.length).toBeGreaterThan(6);
      for (const { line, command, heredoc, expected } of shown) {
        let actual: string;
        let match: RegExpExecArray | null;
        if ((match = /^cat > (\S+) <<'\w+'$/.exec(command))) {
          writeFileSync(match[1]!, heredoc!);
          actual = '';
        } else if ((match = /^cat (\S+)$/.exec(command))) actual = readFileSync(match[1]!, 'utf8');
        else if (command === 'echo $?') actual = `${lastCode}\n`;
        else if ((match = /^npx dialsim (.*)$/.exec(command))) {
          const result = await runCliInMemory(words(match[1]!));
          lastCode = result.code;
          actual = result.stdout + result.stderr;
        } else throw new Error(`${DOC}:${line}: the doc test cannot replay "${command}"`);
        expect.soft(actual, `${DOC}:${line}: $ ${command}`).toBe(expected);
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('lists every field, every output column and every option of `dialsim scrub --help`', () => {
    const fields = text.slice(text.indexOf('## Fields'), text.indexOf('## The output'));
    expect(SCRUB_FIELD_NAMES.filter((field) => !fields.includes(`| \`${field}\` |`))).toEqual([]);
    const output = text.slice(text.indexOf('## The output'));
    expect(SCRUB_COLUMNS.filter((column) => !output.includes(`| \`${column}\` |`))).toEqual([]);
    const options = [...scrubMessages.help.matchAll(/^ {2}(-\w, )?(--[a-z-]+)/gm)].map((match) => match[2]!);
    expect(options.length).toBeGreaterThan(10);
    expect(options.filter((option) => !text.includes(`\`${option}`))).toEqual([]);
  });
});
