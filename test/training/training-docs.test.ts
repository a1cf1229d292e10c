import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../support/run-cli-in-memory.js';

/** The console examples of docs/training.md that run offline: `$ [printf '...' |] dialsim <args>` and their output. */
function transcripts(): { command: string; args: string[]; stdin: string; expected: string }[] {
  const text = readFileSync('docs/training.md', 'utf8');
  const blocks = [...text.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return blocks.flatMap((block) => {
    const [first, ...output] = block.trimEnd().split('\n');
    const command = /^\$ (?:printf '(.*)' \| )?dialsim (.*)$/.exec(first!);
    // Only complete transcripts: a command and its whole output, and no server that runs until Ctrl-C.
    if (command === null || output.length < 5 || command[2]!.includes('--web')) return [];
    return [{ command: first!, args: command[2]!.split(' '), stdin: (command[1] ?? '').replace(/\\n/g, '\n'), expected: `${output.join('\n')}\n` }];
  });
}

describe('docs/training.md', () => {
  const examples = transcripts();

  it('has runnable examples of train, a wrongly named rule, an edge drill and the walkthrough', () => {
    expect(examples.map((example) => example.args[0])).toEqual(['train', 'train', 'train', 'walkthrough']);
  });

  it.each(examples.map((example) => [example.command, example] as const))('%s prints what the page shows', async (_, example) => {
    const { stdout } = await runCliInMemory(example.args, example.stdin);
    expect(stdout).toBe(example.expected);
  });
});

/**
 * The terminal session of docs/training.md, as the screen shows it: each prompt followed by what the rep typed. Run
 * at a (simulated) terminal with those replies, the trainer must print the screen less the echoed replies.
 */
function terminalSession(): { args: string[]; typed: string[]; expected: string } {
  const text = readFileSync('docs/training.md', 'utf8');
  const block = [...text.matchAll(/```text\n(\$ dialsim train [^\n]*\n[\s\S]*?)```/g)].map((match) => match[1]!).find((candidate) => candidate.includes('Press Enter to confirm'));
  if (block === undefined) throw new Error('docs/training.md has no terminal session with a confirmation');
  const [first, ...screen] = block.trimEnd().split('\n');
  const prompt = /^(Dial or not\? \[d = dial, n = don't dial\] |Which rule stops the call\? \(number or rule id\) | {2}Your answer: .*? Press Enter to confirm, or c to change it:)(.*)$/;
  const typed: string[] = [];
  let expected = '';
  for (const line of screen) {
    const match = prompt.exec(line);
    if (match === null) {
      expected += `${line}\n`;
      continue;
    }
    // An empty reply (Enter) leaves the prompt's trailing space at the end of the line, which the page may trim.
    const head = match[1]!.endsWith(' ') ? match[1]! : `${match[1]!} `;
    typed.push(match[2]!.trim());
    expected += head;
  }
  return { args: first!.replace(/^\$ dialsim /, '').split(' '), typed, expected };
}

describe('docs/training.md, the terminal session with a changed answer', () => {
  it('prints the screen the page shows, with the replies it lists', async () => {
    const { args, typed, expected } = terminalSession();
    expect(typed).toEqual(['d', 'c', 'n', '6', '']);
    const { code, stdout } = await runCliInMemory(args, `${typed.join('\n')}\n`, { tty: true });
    expect(code).toBe(0);
    expect(stdout).toBe(expected);
  });
});
