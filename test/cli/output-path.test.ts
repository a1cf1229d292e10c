import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputPathProblem } from '../../src/cli/output-path.js';
import { scratchDir } from '../support/scratch-dir.js';

function setup() {
  const dir = scratchDir('output');
  writeFileSync(join(dir, 'old.jsonl'), 'x\n');
  mkdirSync(join(dir, 'reports'));
  return { dir };
}

describe('outputPathProblem', () => {
  it('a new file in an existing folder and an existing file can be written; the check creates nothing', () => {
    const { dir } = setup();
    expect(outputPathProblem(join(dir, 'new.jsonl'))).toBeUndefined();
    expect(outputPathProblem(join(dir, 'old.jsonl'))).toBeUndefined();
    expect(outputPathProblem(join(dir, 'reports', 'report.html'))).toBeUndefined();
    expect(outputPathProblem('relative-in-the-working-folder.html')).toBeUndefined();
  });

  it('names the reason: a missing folder, a folder where a file is wanted, a file used as a folder', () => {
    const { dir } = setup();
    expect(outputPathProblem(join(dir, 'no/such/dir/a.jsonl'))).toBe(`the folder ${join(dir, 'no/such/dir')} does not exist`);
    expect(outputPathProblem(join(dir, 'reports'))).toBe('it is a folder, not a file');
    expect(outputPathProblem(join(dir, 'old.jsonl', 'a.jsonl'))).toBe(`${join(dir, 'old.jsonl')} is not a folder`);
  });
});
