import { parse, type Parser } from 'csv-parse';
import { needsQuotes, startsFormula } from '../core/spreadsheet-safe-csv.js';

/**
 * The options every lead list is read with. relax_quotes: a `"` inside an unquoted cell (`27" monitor`) is kept as
 * text, as spreadsheets do.
 */
const CSV_OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;

/**
 * Records read; for each, the line breaks in its cells (a CRLF counting once), or -1 to count them from the cells;
 * and its text as read, without its line end, when that is already its cells as spreadsheetSafeCells writes them
 * (no formula start, quoted exactly where a cell needs it), so that the output can copy it; undefined otherwise.
 */
export interface CsvRecords {
  readonly records: string[][];
  readonly breaks: number[];
  readonly texts: (string | undefined)[];
}

const noRecords = (): CsvRecords => ({ records: [], breaks: [], texts: [] });

const INCOMPLETE = -1;
const UNUSUAL = -2;

/**
 * An unfinished record longer than this is handed to csv-parse with the rest of the input: this reader reads an
 * unfinished record again from its start at every chunk, which a very long cell (or a quote never closed, a common
 * fault of an export) made quadratic. csv-parse keeps its place.
 */
const LONGEST_UNFINISHED_RECORD = 1 << 20;

/** The bytes csv-parse (7.x) needs after a character before it reads it, at any point but the end. */
const LOOK_AHEAD = 3;

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * Reads CSV records from chunks as csv-parse does with CSV_OPTIONS and a byte-order mark skipped, the reference:
 * a hand-written reader for the common list (cells plain or quoted at their start, one kind of line end, `\n` or
 * `\r\n`, UTF-8), which hands the rest of the input to csv-parse, from the record it cannot read on, at anything
 * else (a quote that closes before more text, a lone CR in a LF file, a UTF-16 mark, a quote never closed). csv-parse
 * is then given the state it would have had by then: the line end it found, no mark to skip, and its line count for
 * its messages. Property tests (test/scrub/csv-records.test.ts) hold it to csv-parse on generated and near-miss input.
 */
export class CsvRecordReader {
  /** Bytes before the mark is decided (fewer than three so far). */
  #start: Buffer | undefined = Buffer.alloc(0);
  /** Decoded text from the start of the first record not yet read. */
  #text = '';
  /** Bytes after the last line break, not yet decoded (a character may be cut between chunks). */
  #pending: Buffer = Buffer.alloc(0);
  /** The line end found first, as csv-parse finds it; '' before one is found. */
  #delimiter: '' | '\n' | '\r\n' = '';
  /** csv-parse's line count at the record being read: one per line end and per line break inside a quoted cell. */
  #parserLine = 1;
  #fallback: Parser | undefined;
  #failure: Error | undefined;

  /** The error csv-parse gave, if it has been given the input, with its line counted from the input's start. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** The records the chunk completes. */
  write(chunk: string | Buffer): CsvRecords {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const out: CsvRecords = noRecords();
    if (this.#fallback !== undefined) {
      this.#fallback.write(bytes);
      this.#readFallback(out);
      return out;
    }
    if (this.#start !== undefined) {
      const start = Buffer.concat([this.#start, bytes]);
      if (start.length < 3) {
        this.#start = start;
        return out;
      }
      this.#start = undefined;
      return this.#begin(start, false);
    }
    this.#decode(bytes, false);
    this.#read(out, false);
    this.#handOverLongRecord(out);
    return out;
  }

  /** Hands an unfinished record longer than LONGEST_UNFINISHED_RECORD, and all after it, to csv-parse. */
  #handOverLongRecord(out: CsvRecords): void {
    if (this.#fallback !== undefined || this.#text.length + this.#pending.length <= LONGEST_UNFINISHED_RECORD) return;
    // #text starts at the unfinished record, and csv-parse's line count and line end are as at its start.
    this.#startFallback(Buffer.concat([Buffer.from(this.#text), this.#pending]), false);
    this.#text = '';
    this.#pending = Buffer.alloc(0);
    this.#readFallback(out);
  }

  /** The records left at the end of the input; csv-parse finishes on a later tick, hence the promise. */
  async end(): Promise<CsvRecords> {
    let out: CsvRecords = noRecords();
    if (this.#fallback === undefined) {
      if (this.#start !== undefined) {
        const start = this.#start;
        this.#start = undefined;
        // Fewer than three bytes in all: csv-parse looks for no mark then.
        out = start.length < 3 ? this.#fast(start, true) : this.#begin(start, true);
      } else {
        this.#decode(Buffer.alloc(0), true);
        this.#read(out, true);
      }
    }
    const parser = this.#fallback;
    if (parser === undefined) return out;
    parser.end();
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        out.records.push(record);
        out.breaks.push(-1);
        out.texts.push(undefined);
      }
    } catch (error) {
      this.#fail(error as Error);
    }
    return out;
  }

  /** The first three bytes or more: a UTF-8 mark is skipped; a UTF-16 one leaves the whole input to csv-parse. */
  #begin(start: Buffer, end: boolean): CsvRecords {
    if (start[0] === 0xff && start[1] === 0xfe) {
      const out: CsvRecords = noRecords();
      this.#startFallback(start, true);
      if (!end) this.#readFallback(out);
      return out;
    }
    const bom = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf;
    return this.#fast(bom ? start.subarray(3) : start, end);
  }

  #fast(bytes: Buffer, end: boolean): CsvRecords {
    const out: CsvRecords = noRecords();
    this.#decode(bytes, end);
    this.#read(out, end);
    if (!end) this.#handOverLongRecord(out);
    return out;
  }

  /** Decodes up to the last line break (an ASCII byte ends any character before it), or everything at the end. */
  #decode(bytes: Buffer, end: boolean): void {
    const all = this.#pending.length === 0 ? bytes : Buffer.concat([this.#pending, bytes]);
    let cut = all.length;
    if (!end) {
      while (cut > 0 && all[cut - 1] !== LF && all[cut - 1] !== CR) cut--;
    }
    if (cut > 0) this.#text += all.toString('utf8', 0, cut);
    this.#pending = all.subarray(cut);
  }

  /**
   * Reads the records of the text csv-parse would give by now; at the first it cannot read, hands the rest to
   * csv-parse. At the end, csv-parse is given all that is left if it cannot all be read here: a quote never closed
   * makes csv-parse lose the records it finishes in its last step, and so must this.
   */
  #read(out: CsvRecords, end: boolean): void {
    const text = this.#text;
    const read: CsvRecords = end ? noRecords() : out;
    // What csv-parse knows at the text's start, for it to start there at the end.
    const [line, delimiter] = [this.#parserLine, this.#delimiter];
    let position = 0;
    while (position < text.length) {
      const next = this.#record(text, position, end, read);
      if (next === INCOMPLETE) break;
      if (next === UNUSUAL) {
        const from = end ? 0 : position;
        if (end) [this.#parserLine, this.#delimiter] = [line, delimiter];
        this.#text = '';
        this.#startFallback(Buffer.concat([Buffer.from(text.slice(from)), this.#pending]), false);
        this.#pending = Buffer.alloc(0);
        if (!end) this.#readFallback(out);
        return;
      }
      position = next;
    }
    if (end) {
      out.records.push(...read.records);
      out.breaks.push(...read.breaks);
      out.texts.push(...read.texts);
    }
    this.#text = position === 0 ? text : text.slice(position);
  }

  /**
   * Reads the record at `start` into `out` and returns where the next starts, or INCOMPLETE (more input is needed)
   * or UNUSUAL (csv-parse must read it). Nothing is added to `out` unless the record is read whole.
   */
  #record(text: string, start: number, end: boolean, out: CsvRecords): number {
    const length = text.length;
    const cells: string[] = [];
    let breaks = 0;
    let parserLines = 0;
    // Whether the record's text is its cells as written out, but for a `'` before each cell that starts a formula
    // (at `formulas`): each cell quoted iff it must be.
    let plain = true;
    let formulas: number[] | undefined;
    let position = start;
    for (;;) {
      let stop: number;
      if (position < length && text.charCodeAt(position) === QUOTE) {
        let cell = '';
        let from = position + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) return end ? UNUSUAL : INCOMPLETE;
          if (quote + 1 === length && !end) return INCOMPLETE;
          if (text.charCodeAt(quote + 1) === QUOTE) {
            cell += text.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          cell += text.slice(from, quote);
          stop = quote + 1;
          break;
        }
        for (let index = 0; index < cell.length; index++) {
          const code = cell.charCodeAt(index);
          if (code === LF) {
            breaks++;
            parserLines++;
          } else if (code === CR) {
            parserLines++;
            if (cell.charCodeAt(index + 1) !== LF) breaks++;
          }
        }
        cells.push(cell);
        plain &&= needsQuotes(cell);
        if (startsFormula(cell.charCodeAt(0))) (formulas ??= []).push(position + 1);
        if (stop === length) break;
        const after = text.charCodeAt(stop);
        if (after !== COMMA && after !== CR && after !== LF) return UNUSUAL;
      } else {
        stop = position;
        for (let code = text.charCodeAt(stop); stop < length && code !== COMMA && code !== CR && code !== LF; code = text.charCodeAt(++stop)) {
          // A quote inside an unquoted cell is kept (relax_quotes); written out, the cell is quoted.
          if (code === QUOTE) plain = false;
        }
        if (stop === length && !end) return INCOMPLETE;
        // A CR or LF that ends the cell is not the cell's start; a tab is.
        if (stop > position && startsFormula(text.charCodeAt(position))) (formulas ??= []).push(position);
        cells.push(text.slice(position, stop));
        if (stop === length) break;
      }
      if (text.charCodeAt(stop) === COMMA) {
        position = stop + 1;
        continue;
      }
      // A line break outside quotes: the record's end if it is the line end csv-parse reads by.
      const lineEnd = this.#lineEndAt(text, stop, end);
      if (lineEnd <= 0) return lineEnd === 0 ? UNUSUAL : INCOMPLETE;
      // csv-parse looks three bytes ahead of the line end before it ends a record (a trimmable character may take
      // three): one with fewer after it waits for the next chunk, there as here.
      if (!end && text.length - stop - 1 < LOOK_AHEAD && Buffer.byteLength(text.slice(stop + 1)) + this.#pending.length < LOOK_AHEAD) return INCOMPLETE;
      out.records.push(cells);
      out.breaks.push(breaks);
      out.texts.push(plain ? asWritten(text, start, stop, formulas) : undefined);
      this.#parserLine += parserLines + 1;
      return stop + lineEnd;
    }
    // The input's last record, without a line end.
    out.records.push(cells);
    out.breaks.push(breaks);
    out.texts.push(plain ? asWritten(text, start, length, formulas) : undefined);
    this.#parserLine += parserLines;
    return length;
  }

  /**
   * The length of the line end at `at` (a CR or LF outside quotes), 0 when csv-parse would not end the record there
   * or reads by CR alone, INCOMPLETE when the next character is needed and not there yet. The first one found is
   * the list's, as csv-parse finds it (CRLF before a lone CR).
   */
  #lineEndAt(text: string, at: number, end: boolean): number {
    const code = text.charCodeAt(at);
    // The text is decoded up to its last line break: a character after it is in #pending, and is not LF.
    if (code === CR && at + 1 === text.length && !end && this.#pending.length === 0) return INCOMPLETE;
    const crlf = code === CR && text.charCodeAt(at + 1) === LF;
    if (this.#delimiter === '') {
      if (code === LF) this.#delimiter = '\n';
      else if (crlf) this.#delimiter = '\r\n';
      else return 0;
    }
    if (this.#delimiter === '\n') return code === LF ? 1 : 0;
    return crlf ? 2 : 0;
  }

  #startFallback(bytes: Buffer, fromStart: boolean): void {
    const parser = parse({ ...CSV_OPTIONS, bom: fromStart, ...(this.#delimiter !== '' && { record_delimiter: this.#delimiter }) });
    const lineOffset = fromStart ? 0 : this.#parserLine - 1;
    parser.on('error', (error: Error) => this.#fail(error, lineOffset));
    this.#fallback = parser;
    this.#lineOffset = lineOffset;
    parser.write(bytes);
  }

  #lineOffset = 0;

  /** Keeps the first error, its `at line N` counted from the input's start rather than from where csv-parse began. */
  #fail(error: Error, lineOffset = this.#lineOffset): void {
    if (this.#failure !== undefined) return;
    const { code } = error as { code?: string };
    if (lineOffset === 0 || code === undefined || !code.startsWith('CSV_')) {
      this.#failure = error;
      return;
    }
    const message = error.message.replace(/at line (\d+)/, (_, line: string) => `at line ${Number(line) + lineOffset}`);
    this.#failure = Object.assign(new Error(message), { code });
  }

  #readFallback(out: CsvRecords): void {
    const parser = this.#fallback!;
    // The parser works synchronously on each chunk it is given: its records can be read at once.
    for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) {
      out.records.push(record);
      out.breaks.push(-1);
      out.texts.push(undefined);
    }
  }
}

/** A record's text from `start` to `end`, with a `'` put in at each of `formulas` (cells that start a formula). */
function asWritten(text: string, start: number, end: number, formulas: readonly number[] | undefined): string {
  if (formulas === undefined) return text.slice(start, end);
  let written = '';
  let from = start;
  for (const at of formulas) {
    written += `${text.slice(from, at)}'`;
    from = at;
  }
  return written + text.slice(from, end);
}
