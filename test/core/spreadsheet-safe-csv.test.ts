import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafeCell, spreadsheetSafeLine } from '../../src/core/spreadsheet-safe-csv.js';

describe('spreadsheet-safe CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1 303 555 0123', "'+1 303 555 0123"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\r=1', `"'\r=1"`],
    ['\rx', `"'\rx"`],
  ])('a cell a spreadsheet would run, %j, gets a leading quote: %s', (cell, written) => {
    expect(spreadsheetSafeCell(cell)).toBe(written);
  });

  it.each([
    ['Ann', 'Ann'],
    ['', ''],
    ['a, b', '"a, b"'],
    ['said "hi"', '"said ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['x=1', 'x=1'],
  ])('an ordinary cell %j is written as %s (quoted only when it must be)', (cell, written) => {
    expect(spreadsheetSafeCell(cell)).toBe(written);
  });

  it('reads back with a CSV parser as the same cells, the formula prefix aside', () => {
    const cells = ['a, b', 'said "hi"', 'two\r\nlines', '=1+1', ''];
    const [record] = parse(spreadsheetSafeLine(cells, '\n')) as string[][];
    expect(record).toEqual(['a, b', 'said "hi"', 'two\r\nlines', "'=1+1", '']);
  });

  it('ends a line as its output does: a line feed or CRLF, nothing else between cells', () => {
    expect(spreadsheetSafeLine(['a', '=b', ''], '\n')).toBe("a,'=b,\n");
    expect(spreadsheetSafeLine(['a', '=b', ''], '\r\n')).toBe("a,'=b,\r\n");
  });
});

describe('the character scan that skips the regular expressions for plain cells', () => {
  /** The cell as the two regular expressions alone write it: the reference the scan must agree with. */
  const reference = (cell: string) => {
    const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  it('writes every cell as the regular expressions do', () => {
    const awkward = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', 'a', '1', 'é', '–', '\u{1F600}');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(awkward, { maxLength: 8 }).map((parts) => parts.join(''))), (cell) => {
        expect(spreadsheetSafeCell(cell)).toBe(reference(cell));
      }),
      { numRuns: 5_000 },
    );
  });
});
