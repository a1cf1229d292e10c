import type { Decision } from '../core/decision.js';
import { spreadsheetSafeCellBound, spreadsheetSafeCells, writeSpreadsheetSafeCell, writeSpreadsheetSafeJoined } from '../core/spreadsheet-safe-csv.js';

/** Messages and citations may hold spaces and commas; the lists of them are joined with this. */
export const LIST_SEPARATOR = ' | ';

/** A row number, in decimal: at most this many characters (rows are counted in a uint32). */
const ROW_DIGITS = 10;

/**
 * A decision row's CSV line up to its duplicate and error cells, as text: the reference `writeDecisionCsvHead` is
 * held to (test/scrub/decision-csv-row.test.ts).
 */
export function decisionCsvHead(cells: readonly string[], row: number, mode: string, decision: Decision): string {
  const { violations, callee } = decision;
  return spreadsheetSafeCells([
    ...cells,
    String(row),
    mode,
    decision.verdict,
    callee.e164 ?? '',
    violations.map((found) => found.rule).join(' '),
    violations.map((found) => found.message).join(LIST_SEPARATOR),
    violations.map((found) => found.citation).join(LIST_SEPARATOR),
    decision.exemptions.map((lifted) => lifted.rule).join(' '),
    decision.exemptions.map((lifted) => lifted.reason).join(LIST_SEPARATOR),
    callee.timeZones.join(' '),
    callee.states.join(' '),
    decision.nextAllowedAt ?? '',
  ]);
}

/** The most bytes `writeDecisionCsvHead` writes for this row: what the output must have room for. */
export function decisionCsvHeadBound(cells: readonly string[], mode: string, decision: Decision): number {
  const { violations, exemptions, callee } = decision;
  // Indexed loops: for-of here was not optimised away, and made an iterator per list per row (a profile of a 300k-row
  // scrub: more garbage than any other part of writing a line).
  let units = ROW_DIGITS + mode.length + decision.verdict.length + (callee.e164?.length ?? 0) + (decision.nextAllowedAt?.length ?? 0);
  for (let index = 0; index < cells.length; index++) units += cells[index]!.length;
  for (let index = 0; index < violations.length; index++) {
    const found = violations[index]!;
    units += found.rule.length + found.message.length + found.citation.length + 2 * LIST_SEPARATOR.length + 1;
  }
  for (let index = 0; index < exemptions.length; index++) {
    const lifted = exemptions[index]!;
    units += lifted.rule.length + lifted.reason.length + LIST_SEPARATOR.length + 1;
  }
  const { timeZones, states } = callee;
  for (let index = 0; index < timeZones.length; index++) units += timeZones[index]!.length + 1;
  for (let index = 0; index < states.length; index++) units += states[index]!.length + 1;
  // Each cell may add a `'`, two quotes and a comma: the input's cells and the scrub's twelve.
  return spreadsheetSafeCellBound(units) + 4 * (cells.length + 12);
}

/**
 * Writes `decisionCsvHead(cells, row, mode, decision)` as UTF-8 into `buffer` at `at` (with room for
 * decisionCsvHeadBound) and returns where it ends: the same bytes, without the row's strings, arrays and joins,
 * which cost a scrubbed list more than screening it. `asWritten`, when given, is `spreadsheetSafeCells(cells)`
 * (the row's text as read, see LeadRow), copied as it is.
 */
export function writeDecisionCsvHead(buffer: Buffer, at: number, cells: readonly string[], row: number, mode: string, decision: Decision, asWritten?: string): number {
  const { violations, exemptions, callee } = decision;
  let end = at;
  if (asWritten !== undefined) end += buffer.write(asWritten, end, 'utf8');
  else {
    for (let index = 0; index < cells.length; index++) {
      if (index > 0) buffer[end++] = 44;
      end = writeSpreadsheetSafeCell(buffer, end, cells[index]!);
    }
  }
  if (cells.length > 0) buffer[end++] = 44;
  end = writeDigits(buffer, end, row);
  buffer[end++] = 44;
  end = writeSpreadsheetSafeCell(buffer, end, mode);
  buffer[end++] = 44;
  end = writeSpreadsheetSafeCell(buffer, end, decision.verdict);
  buffer[end++] = 44;
  end = writeSpreadsheetSafeCell(buffer, end, callee.e164 ?? '');
  buffer[end++] = 44;
  end = writeListCell(buffer, end, violations, 'rule', ' ');
  buffer[end++] = 44;
  end = writeListCell(buffer, end, violations, 'message', LIST_SEPARATOR);
  buffer[end++] = 44;
  end = writeListCell(buffer, end, violations, 'citation', LIST_SEPARATOR);
  buffer[end++] = 44;
  end = writeListCell(buffer, end, exemptions, 'rule', ' ');
  buffer[end++] = 44;
  end = writeListCell(buffer, end, exemptions, 'reason', LIST_SEPARATOR);
  buffer[end++] = 44;
  end = writeSpreadsheetSafeJoined(buffer, end, callee.timeZones, ' ');
  buffer[end++] = 44;
  end = writeSpreadsheetSafeJoined(buffer, end, callee.states, ' ');
  buffer[end++] = 44;
  return writeSpreadsheetSafeCell(buffer, end, decision.nextAllowedAt ?? '');
}

/** One field of each finding, joined by `separator`, as one cell: the common single finding without an array. */
function writeListCell<Key extends string>(buffer: Buffer, at: number, findings: readonly { readonly [key in Key]: string }[], key: Key, separator: string): number {
  if (findings.length === 0) return at;
  if (findings.length === 1) return writeSpreadsheetSafeCell(buffer, at, findings[0]![key]);
  return writeSpreadsheetSafeCell(buffer, at, findings.map((finding) => finding[key]).join(separator));
}

/** A non-negative integer in decimal, as `String(value)` writes it, with no string made. */
export function writeDigits(buffer: Buffer, at: number, value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  let rest = value;
  for (let index = at + digits - 1; index >= at; index--) {
    buffer[index] = 48 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return at + digits;
}
