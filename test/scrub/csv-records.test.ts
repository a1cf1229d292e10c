import { parse } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafeCells } from '../../src/core/spreadsheet-safe-csv.js';
import { CsvRecordReader, type CsvRecords } from '../../src/scrub/csv-records.js';

/** What the reader gives: every record, the line breaks it reports where it knows them, and csv-parse's error. */
interface Read {
  readonly records: string[][];
  /** Records given by the time each chunk has been written: rows screened before an error are written out. */
  readonly afterEachChunk: number[];
  readonly error?: { readonly code: string | undefined; readonly message: string };
}

/** The reference: csv-parse, fed the same chunks, as the lead table read a list before the reader. */
async function byCsvParse(chunks: readonly (string | Buffer)[]): Promise<Read> {
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  let failure: Error | undefined;
  parser.on('error', (error: Error) => (failure ??= error));
  const records: string[][] = [];
  const afterEachChunk: number[] = [];
  const done = (): Read => ({ records, afterEachChunk, error: { code: (failure as { code?: string }).code, message: failure!.message } });
  for (const chunk of chunks) {
    parser.write(chunk);
    for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) records.push(record);
    afterEachChunk.push(records.length);
    if (failure !== undefined) return done();
  }
  parser.end();
  try {
    for await (const record of parser as AsyncIterable<string[]>) records.push(record);
  } catch (error) {
    failure ??= error as Error;
  }
  return failure === undefined ? { records, afterEachChunk } : done();
}

/** Line breaks as the lead table counts them: LF, or CR not before LF. */
function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let index = 0; index < cell.length; index++) {
      const code = cell.charCodeAt(index);
      if (code === 10 || (code === 13 && cell.charCodeAt(index + 1) !== 10)) count++;
    }
  }
  return count;
}

async function byReader(chunks: readonly (string | Buffer)[]): Promise<Read> {
  const reader = new CsvRecordReader();
  const records: string[][] = [];
  const take = ({ records: read, breaks, texts }: CsvRecords) => {
    read.forEach((record, index) => {
      if (breaks[index]! >= 0) expect(breaks[index]).toBe(lineBreaks(record));
      // A record's text is given only when it is its cells as the output writes them.
      if (texts[index] !== undefined) expect(texts[index]).toBe(spreadsheetSafeCells(record));
      records.push(record);
    });
  };
  const afterEachChunk: number[] = [];
  const done = (): Read => ({ records, afterEachChunk, error: { code: (reader.failure as { code?: string }).code, message: reader.failure!.message } });
  for (const chunk of chunks) {
    take(reader.write(chunk));
    afterEachChunk.push(records.length);
    if (reader.failure !== undefined) return done();
  }
  take(await reader.end());
  return reader.failure === undefined ? { records, afterEachChunk } : done();
}

/** The input cut at the given points (bytes, so a character may be cut), or as one string. */
function chunked(bytes: Buffer, cuts: readonly number[], asString: boolean): (string | Buffer)[] {
  if (asString) return [bytes.toString('utf8')];
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  chunks.push(bytes.subarray(from));
  return chunks.filter((chunk) => chunk.length > 0);
}

const plainCell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1', 'é', '€', '😀', '"', '=', '+', '\t', '\u0000'), maxLength: 6 });
const quotedCell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', '\r\n', ' ', 'é'), maxLength: 8 }).map((cell) => `"${cell.replace(/"/g, '""')}"`);
const cell = fc.oneof(plainCell.filter((text) => !text.startsWith('"')), quotedCell);

/** A list as CRM exports write it: a mark or not, one line end, rows of any length, an ending line end or not. */
const wellFormed = fc
  .record({
    bom: fc.boolean(),
    lineEnd: fc.constantFrom('\n', '\r\n'),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    last: fc.boolean(),
  })
  .map(({ bom, lineEnd, rows, last }) => `${bom ? '\ufeff' : ''}${rows.map((row) => row.join(',')).join(lineEnd)}${last && rows.length > 0 ? lineEnd : ''}`);

/** A well-formed list with a few characters put in or taken out: a stray quote, a lone CR, a quote never closed... */
const nearMiss = fc
  .tuple(wellFormed, fc.array(fc.tuple(fc.nat(), fc.constantFrom('"', '\r', '\n', ',', 'x', '\u0000', '\ufeff', '')), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => edits.reduce((made, [at, insert]) => (insert === '' ? made.slice(0, at % (made.length + 1)) + made.slice((at % (made.length + 1)) + 1) : made.slice(0, at % (made.length + 1)) + insert + made.slice(at % (made.length + 1))), text));

const randomText = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é', '\ufeff'), maxLength: 40 });

const utf16 = wellFormed.map((text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/^\ufeff/, ''), 'utf16le')]));

/**
 * The same records, error and (unless `perChunk` is false) records by each chunk's end as csv-parse. Invalid UTF-8
 * is compared whole only: csv-parse holds a record back until an unfinished character after it is decided, where
 * this reader gives it at its line end; the records and the error are the same.
 */
async function sameAsCsvParse(bytes: Buffer, cuts: readonly number[], asString: boolean, { perChunk = true } = {}): Promise<void> {
  const chunks = chunked(bytes, cuts, asString);
  const [read, reference] = [await byReader(chunks), await byCsvParse(chunks)];
  if (perChunk) expect(read).toEqual(reference);
  else expect({ ...read, afterEachChunk: [] }).toEqual({ ...reference, afterEachChunk: [] });
}

const cuts = fc.array(fc.nat({ max: 400 }), { maxLength: 6 });

describe('the CSV record reader reads as csv-parse does', () => {
  it('well-formed lists, cut into chunks anywhere', async () => {
    await fc.assert(fc.asyncProperty(wellFormed, cuts, fc.boolean(), (text, at, asString) => sameAsCsvParse(Buffer.from(text), at, asString)), { numRuns: 1500 });
  });

  it('near misses: stray quotes, lone CRs and LFs, quotes never closed, marks inside', async () => {
    await fc.assert(fc.asyncProperty(nearMiss, cuts, fc.boolean(), (text, at, asString) => sameAsCsvParse(Buffer.from(text), at, asString)), { numRuns: 3000 });
  });

  it('any text of the characters that matter', async () => {
    await fc.assert(fc.asyncProperty(randomText, cuts, fc.boolean(), (text, at, asString) => sameAsCsvParse(Buffer.from(text), at, asString)), { numRuns: 3000 });
  });

  it('any bytes, invalid UTF-8 included', async () => {
    const bytes = fc.uint8Array({ maxLength: 40 }).map((array) => Buffer.from(array.map((byte) => [44, 34, 13, 10, 97, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xff, 0xfe, 0xef, 0xbb, 0xbf, byte][byte % 16]!)));
    await fc.assert(fc.asyncProperty(bytes, cuts, (made, at) => sameAsCsvParse(made, at, false, { perChunk: false })), { numRuns: 3000 });
  });

  it('a UTF-16 list, which csv-parse reads by its mark', async () => {
    await fc.assert(fc.asyncProperty(utf16, cuts, (made, at) => sameAsCsvParse(made, at, false)), { numRuns: 300 });
  });

  it.each([
    ['', []],
    ['\ufeff', []],
    ['a', [['a']]],
    ['a,', [['a', '']]],
    ['\n\n', [[''], ['']]],
    ['"a, b",c\r\n"x""y"\r\n', [['a, b', 'c'], ['x"y']]],
    ['27" monitor,x\n', [['27" monitor', 'x']]],
  ])('%j reads as %j', async (text, records) => {
    expect((await byReader([Buffer.from(text)])).records).toEqual(records);
  });

  it('records longer than the reader keeps (a MiB): a long cell, quoted or not, and a quote never closed, in 64 KiB chunks', async () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => `${index},"Lead, No. ${index}",303555${String(index % 10_000).padStart(4, '0')},CO`).join('\r\n');
    const long = 'x'.repeat(3 << 20);
    const lists = [
      `id,note\r\n1,${long}\r\n${rows}\r\n`,
      `id,note\r\n1,"${long}, ""quoted"""\r\n${rows}\r\n`,
      `id,name\r\n${rows.slice(0, 200)}\r\n1001,"Ortiz, Ana,303555012\r\n${rows}\r\n`,
    ];
    for (const text of lists) {
      const bytes = Buffer.from(text);
      const chunks = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, index) => bytes.subarray(index * 65_536, (index + 1) * 65_536));
      expect(await byReader(chunks)).toEqual(await byCsvParse(chunks));
    }
  });

  it('gives the text of records the output can copy, and only of those', async () => {
    const reader = new CsvRecordReader();
    const read = reader.write(Buffer.from('1,"Lead, No. 1",1303,x\n2,"plain",b\n3,"a ""b""",c\n4,27" tv,d\n5,+1303,"=1,2",@\n6,"x\r\ny",\n'));
    // The last record waits for csv-parse's look-ahead, as the end of the input; a formula's cell gets its `'`.
    expect([...read.texts, ...(await reader.end()).texts]).toEqual(['1,"Lead, No. 1",1303,x', undefined, '3,"a ""b""",c', undefined, `5,'+1303,"'=1,2",'@`, '6,"x\r\ny",']);
  });

  it("tells a quote never closed as csv-parse does, its line counted from the input's start", async () => {
    const text = 'phone\r\n"a\r\nb"\r\nx\r\n"303\r\n';
    const read = await byReader([Buffer.from(text)]);
    expect(read.error).toEqual({ code: 'CSV_QUOTE_NOT_CLOSED', message: 'Quote Not Closed: the parsing is finished with an opening quote at line 7' });
    expect(read).toEqual(await byCsvParse([Buffer.from(text)]));
  });
});
