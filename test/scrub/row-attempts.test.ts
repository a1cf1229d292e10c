import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMappingFlags, resolveFieldMapping } from '../../src/scrub/field-mapping.js';
import { RowAttempts } from '../../src/scrub/row-attempts.js';
import { rowAttempt, type RowDefaults } from '../../src/scrub/row-request.js';
import { SCRUB_COLUMNS } from '../../src/scrub/scrub-list.js';

const HEADER = ['Phone', 'State', 'Line Type', 'Business', 'Time Zone', 'At', 'Method', 'Last Purchase', 'Consent Kind', 'Consent Date', 'Subject', 'Notes'];

/** Cells that read well, and cells that do not (a province for a US number is found later, in screening). */
const CELLS: readonly (readonly string[])[] = [
  ['303-555-0123', '(720) 555-0199', '+1 212 555 0147', '1 416 555 0100', 'not a number', '', ' '],
  ['CO', 'NY', 'on', 'XX', '', ' co '],
  ['mobile', 'Landline', 'unknown', 'cell', ''],
  ['yes', 'No', '1', 'maybe', ''],
  ['America/Denver', 'Mars/Base', ''],
  ['2026-03-10T15:00:00Z', '2026-03-10T15:00:00', 'soon', ''],
  ['manual', 'autodialer', 'robot', ''],
  ['2026-01-15', '2026-02-30', ''],
  ['prior-express-written', 'verbal', ''],
  ['2025-06-01', ''],
  ['solar', ''],
  ['note, with a comma', ''],
];

const row = fc.tuple(...CELLS.map((cells) => fc.constantFrom(...cells)));

function setup(defaults: RowDefaults, header: readonly string[]) {
  const mapping = resolveFieldMapping(header, parseMappingFlags([], []), SCRUB_COLUMNS, 'leads.csv:1');
  return { mapping, attempts: new RowAttempts(header, mapping, defaults) };
}

describe('RowAttempts (a list\'s rows validated once for each but their number)', () => {
  it.each([
    ['with --at', { seller: 'acme', at: '2026-03-10T17:00:00Z', method: 'manual' }],
    ['without --at', { seller: 'acme', at: undefined, method: 'autodialer' }],
  ] as const)('gives every row the attempt or the error rowAttempt gives it, %s, rows repeated or not', (_, defaults) => {
    const { mapping, attempts } = setup(defaults, HEADER);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        for (const cells of [...rows, ...rows]) expect(attempts.attempt(cells)).toEqual(rowAttempt(cells, HEADER, mapping, defaults));
      }),
      { numRuns: 500 },
    );
  });

  it('does the same for a list with no field but the phone', () => {
    const defaults = { seller: 'acme', at: '2026-03-10T17:00:00Z', method: 'manual' } as const;
    const { mapping, attempts } = setup(defaults, ['Phone', 'Notes']);
    for (const cells of [['303-555-0123', 'a'], ['', 'b'], ['720-555-0199', ''], ['303-555-0123', 'a']]) {
      expect(attempts.attempt(cells)).toEqual(rowAttempt(cells, ['Phone', 'Notes'], mapping, defaults));
    }
  });

  it('gives each row an attempt of its own at the top, with its own number', () => {
    const defaults = { seller: 'acme', at: '2026-03-10T17:00:00Z', method: 'manual' } as const;
    const { attempts } = setup(defaults, ['Phone', 'State']);
    const first = attempts.attempt(['303-555-0123', 'CO']);
    const second = attempts.attempt(['720-555-0199', 'CO']);
    expect('attempt' in first && 'attempt' in second).toBe(true);
    if (!('attempt' in first) || !('attempt' in second)) return;
    expect([first.attempt.to, second.attempt.to]).toEqual(['303-555-0123', '720-555-0199']);
    expect(first.attempt).not.toBe(second.attempt);
  });
});
