import { parse } from 'csv-parse/sync';
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
