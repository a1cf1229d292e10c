import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../core/input-error.js';
import { CsvRecordReader, type CsvRecords } from './csv-records.js';

/** One data row as read: its cells in header order, where it starts, and what was wrong with its shape. */
export interface LeadRow {
  readonly cells: readonly string[];
  /** The line of the file the row starts on (a quoted cell may span several). */
  readonly line: number;
  /** More cells than the header has columns, or an NDJSON line that is not a flat object. */
  readonly problem?: string;
  /**
   * The row's cells as a scrubbed CSV writes them (spreadsheetSafeCells), when the input wrote them so: its text as
   * read, for the output to copy rather than write cell by cell. Absent otherwise.
   */
  readonly asWritten?: string;
}

/** A lead list being read: its header, then its rows in batches as the input arrives, never the whole list at once. */
export interface LeadTable {
  readonly header: readonly string[];
  readonly headerLine: number;
  /**
   * The rows in order, a batch per chunk of input: one await per chunk rather than per row, which, for short rows,
   * cost more than screening them.
   */
  readonly batches: AsyncIterable<readonly LeadRow[]>;
  /** Bytes of the input consumed so far, for the progress bar. */
  bytesRead(): number;
}

export type LeadFormat = 'csv' | 'ndjson';

/** A row as a reader gives it: `blank` marks a line holding nothing but spaces, which is a row only if one follows. */
interface ReadRow extends LeadRow {
  readonly blank?: boolean;
}

/** Whether a file name says NDJSON (`.ndjson`, `.jsonl`); anything else is read as CSV. */
export function formatOfFile(path: string): LeadFormat {
  return /\.(ndjson|jsonl)$/i.test(path) ? 'ndjson' : 'csv';
}

/**
 * Opens a lead list for streaming: CSV as CRM exports write it (a header row, quoted cells with commas, quotes and
 * line breaks inside, CRLF or LF, a byte-order mark), or NDJSON (one flat object a line; the first object's keys are
 * the header). An empty input, or a CSV that cannot be parsed, is an InputError naming the line.
 */
export async function openLeadTable(input: AsyncIterable<string | Buffer>, format: LeadFormat, source: string): Promise<LeadTable> {
  const counter = { bytes: 0 };
  const raw = (format === 'csv' ? csvBatches(input, source, counter) : ndjsonBatches(input, source, counter))[Symbol.asyncIterator]();
  let first: readonly ReadRow[] = [];
  while (first.length === 0) {
    const next = await raw.next();
    if (next.done === true) {
      throw new InputError([{ path: '', message: 'the lead list is empty: it needs a header row, then one lead a row', location: source }]);
    }
    first = next.value;
  }
  const { cells: header, line: headerLine } = first[0]!;
  // Blank lines are held back until a row follows: between rows they are empty rows, after the last row nothing.
  let held: LeadRow[] = [];
  const settle = (rows: readonly ReadRow[]): LeadRow[] => {
    const settled: LeadRow[] = [];
    for (const row of rows) {
      if (row.blank === true) {
        held.push(fitToHeader({ cells: row.cells, line: row.line }, header.length));
        continue;
      }
      if (held.length > 0) {
        settled.push(...held);
        held = [];
      }
      settled.push(fitToHeader(row, header.length));
    }
    return settled;
  };
  async function* batches(): AsyncGenerator<readonly LeadRow[]> {
    const rows = settle(first.slice(1));
    if (rows.length > 0) yield rows;
    for (let next = await raw.next(); next.done !== true; next = await raw.next()) {
      const settled = settle(next.value);
      if (settled.length > 0) yield settled;
    }
  }
  return { header, headerLine, batches: batches(), bytesRead: () => counter.bytes };
}

/**
 * A row as long as the header: a short one padded (CRM exports often drop empty cells at the end). A long one keeps
 * the header's columns, so the output's layout holds, and is flagged with the cells past them, each as a JSON string,
 * so that nothing read is lost.
 */
function fitToHeader(row: LeadRow, columns: number): LeadRow {
  const { cells } = row;
  if (cells.length > columns) {
    const extra = cells.slice(columns);
    const problem = `the row has ${cells.length} cells, the header ${columns} columns; the ${extra.length === 1 ? 'cell' : `${extra.length} cells`} past the header: ${extra.map((cell) => JSON.stringify(cell)).join(', ')}`;
    return { cells: cells.slice(0, columns), line: row.line, problem: row.problem ?? problem };
  }
  if (cells.length < columns) {
    const padded = { ...row, cells: [...cells, ...Array<string>(columns - cells.length).fill('')] };
    // The empty cells added are written as nothing between commas.
    return row.asWritten === undefined ? padded : { ...padded, asWritten: row.asWritten + ','.repeat(columns - cells.length) };
  }
  return row;
}

const sizeOf = (chunk: string | Buffer) => (typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length);

async function* csvBatches(input: AsyncIterable<string | Buffer>, source: string, counter: { bytes: number }): AsyncGenerator<readonly ReadRow[]> {
  // As csv-parse reads it (bom, relax_column_count, relax_quotes), by a faster reader where the list is plain.
  const reader = new CsvRecordReader();
  // Lines are counted here: csv-parse counts a CRLF inside a quoted cell as two lines.
  let line = 1;
  const rowsOf = ({ records, breaks, texts }: CsvRecords): ReadRow[] => {
    const rows = new Array<ReadRow>(records.length);
    for (let index = 0; index < records.length; index++) {
      const record = records[index]!;
      const asWritten = texts[index];
      if (record.length === 1 && record[0]!.trim() === '') rows[index] = { cells: record, line, blank: true };
      else rows[index] = asWritten === undefined ? { cells: record, line } : { cells: record, line, asWritten };
      const known = breaks[index]!;
      if (known >= 0) line += known;
      else for (const cell of record) line += lineBreaks(cell);
      line++;
    }
    return rows;
  };
  const unreadable = (error: Error): Error => {
    const { code } = error as { code?: string };
    if (code === undefined || !code.startsWith('CSV_')) return error;
    return new InputError([{ path: '', message: `the CSV cannot be read from this line on: ${error.message.replace(/^[^:]*: /, '')}`, location: `${source}:${line}` }]);
  };
  for await (const chunk of input) {
    counter.bytes += sizeOf(chunk);
    const batch = rowsOf(reader.write(chunk));
    if (reader.failure !== undefined) throw unreadable(reader.failure);
    if (batch.length > 0) yield batch;
  }
  // The last record is only known at the end of the input.
  const rest = rowsOf(await reader.end());
  if (reader.failure !== undefined) throw unreadable(reader.failure);
  if (rest.length > 0) yield rest;
}

function lineBreaks(cell: string): number {
  let count = 0;
  for (let index = cell.search(/[\r\n]/); index !== -1 && index < cell.length; index++) {
    const code = cell.charCodeAt(index);
    if (code === 10 || (code === 13 && cell.charCodeAt(index + 1) !== 10)) count++;
  }
  return count;
}

function ndjsonBatches(input: AsyncIterable<string | Buffer>, source: string, counter: { bytes: number }): AsyncIterable<readonly ReadRow[]> {
  let header: string[] | undefined;
  // Only called once the header is known.
  const toRow = (text: string, line: number): ReadRow => {
    const columns = header!;
    if (text.trim() === '') return { cells: columns.map(() => ''), line, blank: true };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // The line's text goes into the problem: a row that cannot be read must still not be lost.
      return { cells: columns.map(() => ''), line, problem: `the line is not JSON (${(error as Error).message}): ${JSON.stringify(text)}` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { cells: columns.map(() => ''), line, problem: `the line is not a JSON object of fields: ${text.trim()}` };
    }
    const object = value as Record<string, unknown>;
    const extra = Object.keys(object).filter((key) => !columns.includes(key));
    const nested = columns.filter((key) => typeof object[key] === 'object' && object[key] !== null);
    const cells = columns.map((key) => (object[key] === undefined || object[key] === null || typeof object[key] === 'object' ? '' : String(object[key])));
    // The values that have no column, and the nested ones, are quoted in the problem so that none is lost.
    const quoted = (keys: readonly string[]) => keys.map((key) => `${JSON.stringify(key)}: ${JSON.stringify(object[key])}`).join(', ');
    if (extra.length > 0) return { cells, line, problem: `the line has fields the first line does not (${quoted(extra)})` };
    if (nested.length > 0) return { cells, line, problem: `fields ${quoted(nested)} hold objects or arrays; a lead's fields are text, numbers or true/false` };
    return { cells, line };
  };
  async function* batches(): AsyncGenerator<readonly ReadRow[]> {
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let line = 0;
    let first = true;
    for await (const chunk of input) {
      counter.bytes += sizeOf(chunk);
      let text = pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
      if (first && text !== '') {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      const batch: ReadRow[] = [];
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        line++;
        const raw = text.slice(start, end);
        start = end + 1;
        // Blank lines before the header carry no header; after it, see `settle`.
        if (header === undefined && raw.trim() === '') continue;
        batch.push(...withHeader(raw.endsWith('\r') ? raw.slice(0, -1) : raw, line));
      }
      pending = text.slice(start);
      if (batch.length > 0) yield batch;
    }
    pending += decoder.end();
    if (pending.trim() !== '') yield [...withHeader(pending, line + 1)];
  }
  // The first object's keys are the header, and the object is the first row too.
  function* withHeader(text: string, line: number): Generator<ReadRow> {
    if (header === undefined) {
      let keys: string[] = [];
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) keys = Object.keys(value);
      } catch {
        // Reported as the first row's problem below.
      }
      if (keys.length === 0) throw new InputError([{ path: '', message: 'the first line is not a JSON object of fields, so it gives no header', location: `${source}:${line}` }]);
      header = keys;
      yield { cells: keys, line };
    }
    yield toRow(text, line);
  }
  return batches();
}
