/**
 * docs/cli.md shows `dialsim check` sessions as ```console blocks: `$ command` lines followed by what they print.
 * This test replays every block, in order, in one fresh directory, and checks each command's output against the
 * doc, so the examples there are the CLI's real behaviour and cannot drift. It understands only the few shell
 * forms the doc uses; anything else fails, so a new example must keep to them.
 */
import { mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRequestSchema } from '../../src/core/check-request.js';
import { knownKeysAt } from '../../src/core/schema-keys.js';
import { checkMessages } from '../../src/cli/commands/check-messages.js';
import { assertBuildIsFresh } from '../support/built-package.js';
import { consoleTranscripts, type TranscriptCommand } from '../support/console-transcripts.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI_DOC = 'docs/cli.md';

function installedDialsim(dir: string): string {
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'dialsim'), 'dir');
  return dir;
}

/** Shell words: 'single-quoted' or bare. */
function words(text: string): string[] {
  return [...text.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

/**
 * Replays the transcript; the first absolute directory it creates and enters stands for a fresh temporary one. That
 * directory stands for a project with dialsim installed: its node_modules/dialsim links to this checkout (as
 * `npm install` of a local copy does), so policy modules written there can import 'dialsim' (the build in dist/).
 */
class Session {
  readonly #dir = installedDialsim(realpathSync(scratchDir('cli-doc')));
  #shownDir: string | undefined;
  #lastCode = 0;

  async run({ command, heredoc }: TranscriptCommand): Promise<string> {
    const body = heredoc ?? '';
    let match: RegExpExecArray | null;
    if ((match = /^mkdir -p (\S+)$/.exec(command))) {
      if (match[1]!.startsWith('/')) this.#shownDir ??= match[1]!;
      else mkdirSync(match[1]!, { recursive: true });
      return this.#done(0, '');
    }
    if ((match = /^cd (\S+)$/.exec(command)) && match[1] === this.#shownDir) {
      process.chdir(this.#dir);
      return this.#done(0, '');
    }
    if ((match = /^cat > (\S+) <<'\w+'$/.exec(command))) {
      writeFileSync(match[1]!, body);
      return this.#done(0, '');
    }
    if ((match = /^echo '([^']*)' > (\S+)$/.exec(command))) {
      writeFileSync(match[2]!, `${match[1]}\n`);
      return this.#done(0, '');
    }
    if (command === 'echo $?') return `${this.#lastCode}\n`;
    if ((match = /^(?:echo '([^']*)' \| )?npx dialsim ([^<|]*?)(?: < (\S+)| <<'\w+')?$/.exec(command))) {
      const [, echoed, args, inputFile] = match;
      const stdin = echoed !== undefined ? `${echoed}\n` : inputFile !== undefined ? readFileSync(inputFile, 'utf8') : body;
      const result = await runCliInMemory(words(args!), stdin);
      return this.#done(result.code, this.#shown(result.stdout + result.stderr));
    }
    throw new Error(`${CLI_DOC}: the doc test cannot replay "${command}"; keep examples to the forms it knows`);
  }

  #done(code: number, output: string): string {
    this.#lastCode = code;
    return output;
  }

  /** Output as the reader's session prints it: the temporary directory appears as the doc's directory. */
  #shown(output: string): string {
    return this.#shownDir === undefined ? output : output.split(this.#dir).join(this.#shownDir);
  }
}

describe(CLI_DOC, () => {
  const text = readFileSync(join(root, CLI_DOC), 'utf8');

  it('every example command prints exactly what the doc shows, exit codes included', async () => {
    // The --policy examples import 'dialsim', which resolves to the build.
    assertBuildIsFresh();
    const commands = consoleTranscripts(text, CLI_DOC);
    expect(commands.length).toBeGreaterThan(20);
    const session = new Session();
    const cwd = process.cwd();
    try {
      for (const command of commands) {
        const actual = await session.run(command);
        expect.soft(actual, `${CLI_DOC}:${command.line}: $ ${command.command}`).toBe(command.expected);
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('documents every request field the schema accepts, and no other', () => {
    const leaves = (path: (string | number)[], shown: string): string[] => {
      const keys = knownKeysAt(checkRequestSchema, path);
      const element = knownKeysAt(checkRequestSchema, [...path, 0]);
      if (keys.length > 0) return keys.flatMap((key) => leaves([...path, key], shown === '' ? key : `${shown}.${key}`));
      if (element.length > 0) return leaves([...path, 0], `${shown}[]`);
      return [shown];
    };
    const schemaFields = leaves([], '');
    const section = text.slice(text.indexOf('## The request'), text.indexOf('## The decision'));
    const documented = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
    expect(schemaFields.filter((field) => !documented.includes(field)), 'fields missing from the table').toEqual([]);
    const unknown = documented.filter((field) => !schemaFields.some((leaf) => leaf === field || leaf.startsWith(`${field}.`) || leaf.startsWith(`${field}[]`)));
    expect(unknown, 'documented fields the schema does not accept').toEqual([]);
  });

  it('shows, under "The decision", the decision its sample request really gets (comments aside)', async () => {
    const section = text.slice(text.indexOf('## The decision'), text.indexOf('## Examples'));
    const request = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    const annotated = /```jsonc\n([\s\S]*?)```/.exec(section)?.[1];
    expect(request, 'a ```json request block').toBeDefined();
    expect(annotated, 'a ```jsonc decision block').toBeDefined();
    const shown = JSON.parse(annotated!.replace(/\s+\/\/ .*$/gm, ''));
    const result = await runCliInMemory(['check', '--json'], request!);
    expect(result.code).toBe(0);
    expect(shown).toEqual(JSON.parse(result.stdout));
  });

  it('documents every option of `dialsim check --help`', () => {
    const options = [...checkMessages.help.matchAll(/^ {2}(-\w, )?(--[a-z]+)/gm)].map((match) => match[2]!);
    expect(options).toEqual(['--json', '--ndjson', '--workers', '--context', '--packs', '--policy', '--help']);
    expect(options.filter((option) => !text.includes(`\`${option}`))).toEqual([]);
  });
});
