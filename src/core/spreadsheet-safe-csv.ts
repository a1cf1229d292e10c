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
export function startsFormula(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

/** Whether the cell holds a quote, a comma, a carriage return or a line feed: NEEDS_QUOTES's characters. */
export function needsQuotes(cell: string): boolean {
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

/**
 * The most bytes `writeSpreadsheetSafeCell` writes for a cell of `length` UTF-16 units: three per unit (UTF-8; a
 * doubled quote is two), a `'` and two quotes.
 */
export function spreadsheetSafeCellBound(length: number): number {
  return 3 * length + 3;
}

/**
 * Writes `spreadsheetSafeCell(cell)` as UTF-8 into `buffer` at `at`, which has room for spreadsheetSafeCellBound of
 * it, and returns where it ends: the same bytes, without building the cell's string. Most cells (names, numbers, rule
 * ids) are ASCII and need no quotes; those are copied as they are scanned, and any other falls back to the string.
 */
export function writeSpreadsheetSafeCell(buffer: Buffer, at: number, cell: string): number {
  const length = cell.length;
  if (length === 0) return at;
  const formula = startsFormula(cell.charCodeAt(0));
  if (length >= ENCODED_BY_NODE) return writeLongCell(buffer, at, cell, formula);
  let end = at;
  if (formula) buffer[end++] = 39;
  for (let index = 0; index < length; index++) {
    const code = cell.charCodeAt(index);
    // Non-ASCII (UTF-8 of more than one byte), or a character that makes the cell quoted: written whole below.
    if (code >= 128 || code === 34 || code === 44 || code === 13 || code === 10) return writeUnusualCell(buffer, at, cell, formula, index);
    buffer[end++] = code;
  }
  return end;
}

/**
 * From this length on, a cell is searched with indexOf and encoded by Node: a long string is often a rope (a message
 * put together from its template), whose characters JS reads one by one slowly; indexOf flattens it once. A shorter
 * one (a zone, a citation) is copied faster by the loop than by a call into Node.
 */
const ENCODED_BY_NODE = 40;

/** `writeSpreadsheetSafeCell` for a long cell. */
function writeLongCell(buffer: Buffer, at: number, cell: string, formula: boolean): number {
  // A quote inside is doubled: the string's way, rare.
  if (cell.indexOf('"') !== -1) return at + buffer.write(spreadsheetSafeCell(cell), at, 'utf8');
  const quoted = cell.indexOf(',') !== -1 || cell.indexOf('\n') !== -1 || cell.indexOf('\r') !== -1;
  return writeCellAsItIs(buffer, at, cell, formula, quoted);
}

/** A cell with no quote inside, encoded by Node: in quotes when `quoted`, after a `'` when it starts a formula. */
function writeCellAsItIs(buffer: Buffer, at: number, cell: string, formula: boolean, quoted: boolean): number {
  let end = at;
  if (quoted) buffer[end++] = 34;
  if (formula) buffer[end++] = 39;
  end += buffer.write(cell, end, 'utf8');
  if (quoted) buffer[end++] = 34;
  return end;
}

/** `writeSpreadsheetSafeCell` for a cell with a non-ASCII character or one that needs quotes, from `from` on. */
function writeUnusualCell(buffer: Buffer, at: number, cell: string, formula: boolean, from: number): number {
  let quoted = false;
  for (let index = from; index < cell.length; index++) {
    const code = cell.charCodeAt(index);
    // A quote inside is doubled: the string's way, rare.
    if (code === 34) return at + buffer.write(spreadsheetSafeCell(cell), at, 'utf8');
    if (code === 44 || code === 13 || code === 10) quoted = true;
  }
  return writeCellAsItIs(buffer, at, cell, formula, quoted);
}

/**
 * Writes the cell `pieces.join(separator)` as `writeSpreadsheetSafeCell` does, without joining them when each piece
 * is plain ASCII; `separator` must be plain ASCII that needs no quotes (`' '`, `' | '`). The room needed is the
 * joined cell's bound.
 */
export function writeSpreadsheetSafeJoined(buffer: Buffer, at: number, pieces: readonly string[], separator: string): number {
  if (pieces.length === 0) return at;
  if (pieces.length === 1) return writeSpreadsheetSafeCell(buffer, at, pieces[0]!);
  const first = pieces[0]!;
  if (startsFormula((first.length > 0 ? first : separator).charCodeAt(0))) return writeSpreadsheetSafeCell(buffer, at, pieces.join(separator));
  let end = at;
  for (let piece = 0; piece < pieces.length; piece++) {
    if (piece > 0) for (let index = 0; index < separator.length; index++) buffer[end++] = separator.charCodeAt(index);
    const cell = pieces[piece]!;
    for (let index = 0; index < cell.length; index++) {
      const code = cell.charCodeAt(index);
      if (code >= 128 || code === 34 || code === 44 || code === 13 || code === 10) return writeSpreadsheetSafeCell(buffer, at, pieces.join(separator));
      buffer[end++] = code;
    }
  }
  return end;
}
