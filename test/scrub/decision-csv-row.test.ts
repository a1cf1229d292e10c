import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/core/decision.js';
import { spreadsheetSafeCell, spreadsheetSafeCellBound, spreadsheetSafeCells, writeSpreadsheetSafeCell, writeSpreadsheetSafeJoined } from '../../src/core/spreadsheet-safe-csv.js';
import { decisionCsvHead, decisionCsvHeadBound, writeDecisionCsvHead, writeDigits } from '../../src/scrub/decision-csv-row.js';

/** Cells made of the characters that decide how a cell is written: formula starts, quotes, commas, line breaks, non-ASCII. */
const tricky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', '|', "'", 'a', 'Z', '0', 'é', '§', '€', '😀', '\ud800', '\u0000', '\u007f', '\u0080');
// Long cells too: from 40 units on, a cell is written by another path (see writeSpreadsheetSafeCell).
const cell = fc.oneof(
  fc.string({ unit: tricky, maxLength: 12 }),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: tricky, minLength: 35, maxLength: 60 }),
  fc.tuple(fc.string({ minLength: 30, maxLength: 50 }), fc.string({ unit: tricky, maxLength: 4 })).map(([long, end]) => long + end),
);

/** What writing into a buffer gives, as the bytes the string would encode to. */
function written(write: (buffer: Buffer, at: number) => number, bound: number): Buffer {
  // Starts past 0 and is filled with a marker, so that a write out of place shows.
  const buffer = Buffer.alloc(bound + 8, 0xee);
  const end = write(buffer, 3);
  expect(end - 3).toBeLessThanOrEqual(bound);
  return buffer.subarray(3, end);
}

describe('spreadsheet-safe cells written straight into a buffer', () => {
  it('are the bytes of spreadsheetSafeCell, for any cell', () => {
    fc.assert(
      fc.property(cell, (text) => {
        const bytes = written((buffer, at) => writeSpreadsheetSafeCell(buffer, at, text), spreadsheetSafeCellBound(text.length));
        expect(bytes.equals(Buffer.from(spreadsheetSafeCell(text)))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([[''], ['Ann'], ['+13035550123'], ['a, b'], ['said "hi"'], ['=1,"2"'], ['\r=1'], ['Zoë'], ['§ 1, 2'], ['-']])('%j is written as spreadsheetSafeCell writes it', (text) => {
    const bytes = written((buffer, at) => writeSpreadsheetSafeCell(buffer, at, text), spreadsheetSafeCellBound(text.length));
    expect(bytes.toString('utf8')).toBe(spreadsheetSafeCell(text));
  });

  it('joined pieces are the bytes of the joined cell, for any pieces and either separator', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 4 }), fc.constantFrom(' ', ' | '), (pieces, separator) => {
        const joined = pieces.join(separator);
        const bytes = written((buffer, at) => writeSpreadsheetSafeJoined(buffer, at, pieces, separator), spreadsheetSafeCellBound(joined.length));
        expect(bytes.equals(Buffer.from(spreadsheetSafeCell(joined)))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('row numbers are written as String writes them', () => {
    for (const value of [0, 1, 9, 10, 99, 100, 12345, 4294967295]) {
      expect(written((buffer, at) => writeDigits(buffer, at, value), 10).toString()).toBe(String(value));
    }
  });
});

const finding = fc.record({ rule: cell, message: cell, citation: cell });
const decision: fc.Arbitrary<Decision> = fc.record({
  verdict: fc.constantFrom('allow', 'block'),
  violations: fc.array(finding.map(({ rule, message, citation }) => ({ rule, message, citation, messageId: 'x', data: {} })), { maxLength: 3 }),
  exemptions: fc.array(finding.map(({ rule, message, citation }) => ({ rule, reason: message, citation, messageId: 'x', data: {} })), { maxLength: 2 }),
  callee: fc.record({ e164: fc.option(cell), timeZones: fc.array(cell, { maxLength: 3 }), localTimes: fc.constant([]), states: fc.array(cell, { maxLength: 3 }) }),
  nextAllowedAt: fc.option(cell, { nil: undefined }),
}).map((value) => (value.nextAllowedAt === undefined ? { ...value, nextAllowedAt: undefined } : value) as Decision);

describe('a decision row written straight into a buffer', () => {
  it('is the bytes of decisionCsvHead, the reference, for any cells and decision', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 6 }), fc.integer({ min: 1, max: 4294967295 }), fc.constantFrom('full', 'dnc-only'), decision, (cells, row, mode, made) => {
        const bytes = written((buffer, at) => writeDecisionCsvHead(buffer, at, cells, row, mode, made), decisionCsvHeadBound(cells, mode, made));
        expect(bytes.toString('latin1')).toBe(Buffer.from(decisionCsvHead(cells, row, mode, made)).toString('latin1'));
        // The row's text as read, when it is its cells as written (see LeadRow.asWritten), gives the same bytes.
        const copied = written((buffer, at) => writeDecisionCsvHead(buffer, at, cells, row, mode, made, spreadsheetSafeCells(cells)), decisionCsvHeadBound(cells, mode, made));
        expect(copied.equals(bytes)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
