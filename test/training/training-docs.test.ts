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
