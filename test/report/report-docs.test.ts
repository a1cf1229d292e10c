/** docs/report.md against the code: its CSV example is what the CLI writes, its column table the CSV's header. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTEMPT_CSV_COLUMNS } from '../../src/report/attempt-csv.js';
import { repoRoot } from '../support/built-package.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

const doc = readFileSync(join(repoRoot, 'docs/report.md'), 'utf8');

describe('docs/report.md', () => {
  it('the CSV block is what `dialsim run scenarios/11-business-lines.yaml --attempts-csv FILE` writes', async () => {
    const block = /```csv\n([\s\S]*?)```/.exec(doc)![1]!;
    const file = join(scratchDir('report-doc'), 'attempts.csv');
    const result = await runCliInMemory(['run', join(repoRoot, 'scenarios/11-business-lines.yaml'), '--attempts-csv', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote the attempt table to ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(block.replace(/\n/g, '\r\n'));
  });

  it('the column table lists the CSV columns, in order', () => {
    const section = doc.slice(doc.indexOf('## The attempt table as CSV'));
    const columns = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1]);
    expect(columns).toEqual([...ATTEMPT_CSV_COLUMNS]);
  });
});
