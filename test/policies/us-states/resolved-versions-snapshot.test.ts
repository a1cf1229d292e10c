import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVINCE_TABLE } from '../../../policies/canada-provinces/province-table.js';
import { STATE_TABLE } from '../../../policies/us-states/state-table.js';

/**
 * Issue 9 §3 (the state table, as data): a later version of a row says only what changed, and inherits the rest.
 * The rules read the resolved versions, so that change in how rows are written must not change one fact the rules
 * see. The fixture is every row's resolved versions as they were before versions inherited (commit 7465f05, taken
 * from the built table); it is never rewritten by a test run. A deliberate change of the law in a row changes the
 * fixture in the same commit, by hand, where a reviewer sees it.
 */

type Versions = Record<string, unknown>[];

const BEFORE = JSON.parse(readFileSync(new URL('./fixtures/resolved-versions-before-inheritance.json', import.meta.url), 'utf8')) as Record<string, Versions>;

const ROWS = [...STATE_TABLE, ...PROVINCE_TABLE];

describe('the resolved versions of every row are the ones taken before versions inherited', () => {
  it('the state and province tables hold the same rows, 33 states and British Columbia', () => {
    expect(ROWS.map((row) => row.state).sort()).toEqual(Object.keys(BEFORE).sort());
    expect(ROWS).toHaveLength(34);
  });

  it.each(ROWS.map((row) => [row.state, row] as const))('%s: the same versions, field by field', (state, row) => {
    const before = BEFORE[state]!;
    expect(row.versions, `${state}: number of versions`).toHaveLength(before.length);
    row.versions.forEach((version, index) => {
      const expected = before[index]!;
      const where = `${state} versions[${index}]`;
      expect(Object.keys(version).sort(), `${where}: the fields set`).toEqual(Object.keys(expected).sort());
      for (const [field, value] of Object.entries(version)) {
        expect(value, `${where}.${field}`).toStrictEqual(expected[field]);
      }
    });
  });
});
