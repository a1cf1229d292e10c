/**
 * The one CSV cell writer of every CSV dialsim writes (a scrubbed list, `run --attempts-csv`, the trainer's results
 * export): every cell that comes from outside data may be opened in a spreadsheet.
 */

/**
 * Characters that make a spreadsheet read a cell as a formula (`=`, `+`, `-`, `@`), or that some spreadsheets drop
 * before reading one (tab, carriage return). A lead list comes from outside, so `=HYPERLINK(...)` in a name cell
 * must arrive as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell as spreadsheets read it safely: a cell that would start a formula gets a leading `'` (the prefix
 * OWASP recommends, which spreadsheets show as text and do not display), then the cell is quoted when it holds a
 * comma, a quote or a line break, quotes doubled (RFC 4180). `+1 303 555 0123` becomes `'+1 303 555 0123`.
 */
export function spreadsheetSafeCell(cell: string): string {
  // Most cells (numbers, names, rule ids) need neither: one pass over their characters says so, where the two
  // regular expressions cost a scrubbed list a few per cent of its time.
  if (cell === '' || (!startsFormula(cell.charCodeAt(0)) && !needsQuotes(cell))) return cell;
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `=`, `+`, `-`, `@`, tab, carriage return: FORMULA_START's characters. */
function startsFormula(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

/** Whether the cell holds a quote, a comma, a carriage return or a line feed: NEEDS_QUOTES's characters. */
function needsQuotes(cell: string): boolean {
  for (let index = 0; index < cell.length; index++) {
    const code = cell.charCodeAt(index);
    if (code === 34 || code === 44 || code === 13 || code === 10) return true;
  }
  return false;
}

/** How a line ends: each output keeps one (a scrubbed list `\n`, the attempt and training exports `\r\n`). */
export type CsvLineEnd = '\n' | '\r\n';

/**
 * One CSV line of spreadsheet-safe cells, ended by `lineEnd`.
 * @example
 * spreadsheetSafeLine(['Ann', '=1+1'], '\r\n'); // "Ann,'=1+1\r\n"
 */
export function spreadsheetSafeLine(cells: readonly string[], lineEnd: CsvLineEnd): string {
  return spreadsheetSafeCells(cells) + lineEnd;
}

/** Spreadsheet-safe cells joined by commas, without a line end: the start of a line that goes on. */
export function spreadsheetSafeCells(cells: readonly string[]): string {
  let line = '';
  for (let index = 0; index < cells.length; index++) line += (index === 0 ? '' : ',') + spreadsheetSafeCell(cells[index]!);
  return line;
}
