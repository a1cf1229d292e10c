import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/input-error.js';
import { formatOfFile, openLeadTable, type LeadFormat } from '../../src/scrub/lead-table.js';

async function read(chunks: (string | Buffer)[], format: LeadFormat = 'csv') {
  const table = await openLeadTable(Readable.from(chunks), format, 'leads.csv');
  const rows = [];
  for await (const batch of table.batches) rows.push(...batch);
  return { header: table.header, headerLine: table.headerLine, rows };
}

describe('openLeadTable (CSV)', () => {
  it('reads a BOM, CRLF, quoted cells with commas, quotes and line breaks, and numbers each row by its first line', async () => {
    const text = '\uFEFFName,Phone\r\n"Smith, Ann","(303) 555-0123"\r\n"said ""hi""\r\nat 5",720 555 0199\r\nBob,212 555 0147\r\n';
    const { header, rows } = await read([text]);
    expect(header).toEqual(['Name', 'Phone']);
    expect(rows).toEqual([
      { cells: ['Smith, Ann', '(303) 555-0123'], line: 2 },
      // A row whose text is its cells as the output writes them carries that text, for the output to copy.
      { cells: ['said "hi"\r\nat 5', '720 555 0199'], line: 3, asWritten: '"said ""hi""\r\nat 5",720 555 0199' },
      { cells: ['Bob', '212 555 0147'], line: 5, asWritten: 'Bob,212 555 0147' },
    ]);
  });

  it('is the same read in chunks of 3 bytes, a multi-byte character split between two', async () => {
    const bytes = Buffer.from('Name,Phone\nJosé,"303\n555"\n', 'utf8');
    const chunks = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, index) => bytes.subarray(index * 3, index * 3 + 3));
    expect((await read(chunks)).rows).toEqual((await read([bytes])).rows);
    expect((await read(chunks)).rows[0]!.cells).toEqual(['José', '303\n555']);
  });

  it('keeps a blank line as a row of empty cells, pads a short row, and flags a long one', async () => {
    const { rows } = await read(['a,b,c\n1,2,3\n\n4\n5,6,7,8\n']);
    expect(rows).toEqual([
      { cells: ['1', '2', '3'], line: 2, asWritten: '1,2,3' },
      { cells: ['', '', ''], line: 3 },
      { cells: ['4', '', ''], line: 4, asWritten: '4,,' },
      { cells: ['5', '6', '7'], line: 5, problem: 'the row has 4 cells, the header 3 columns; the cell past the header: "8"' },
    ]);
  });

  it('gives no row for blank lines after the last row, even when they arrive in a later chunk', async () => {
    expect((await read(['phone\r\n2105550001\r\n\r\n'])).rows).toEqual([{ cells: ['2105550001'], line: 2, asWritten: '2105550001' }]);
    expect((await read(['phone\n1\n\n', '  \n', '\n2\n\n'])).rows).toEqual([
      { cells: ['1'], line: 2, asWritten: '1' },
      { cells: [''], line: 3 },
      { cells: ['  '], line: 4 },
      { cells: [''], line: 5 },
      { cells: ['2'], line: 6, asWritten: '2' },
    ]);
  });

  it('refuses an empty list, naming the source', async () => {
    await expect(read([''])).rejects.toThrow('the lead list is empty: it needs a header row, then one lead a row (leads.csv)');
  });

  it('ends with an InputError at the line where a quote is never closed', async () => {
    const error = await read(['a,b\n1,2\n"3,4\n']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^the CSV cannot be read from this line on: .*quote.* \(leads\.csv:3\)$/i);
  });
});

describe('openLeadTable (NDJSON)', () => {
  it("takes the first object's keys as the header and keeps that object as the first row", async () => {
    const { header, rows } = await read(['\n{"name":"Ann","phone":"303 555 0123","business":false}\r\n', '{"phone":"720 555 0199","name":null}\n\n{"phone":1}'], 'ndjson');
    expect(header).toEqual(['name', 'phone', 'business']);
    expect(rows).toEqual([
      { cells: ['Ann', '303 555 0123', 'false'], line: 2 },
      { cells: ['', '720 555 0199', ''], line: 3 },
      { cells: ['', '', ''], line: 4 },
      { cells: ['', '1', ''], line: 5 },
    ]);
  });

  it('gives no row for blank lines after the last row', async () => {
    expect((await read(['{"phone":"1"}\n\n{"phone":"2"}\n\n', ' \r\n\n'], 'ndjson')).rows).toEqual([
      { cells: ['1'], line: 1 },
      { cells: [''], line: 2 },
      { cells: ['2'], line: 3 },
    ]);
  });

  it('flags a line that is not JSON, is not an object, has new fields, or nests objects, keeping what it held, and goes on', async () => {
    const { rows } = await read(['{"phone":"1"}\nnope\n[1,2]\n{"phone":"2","zip":"x"}\n{"phone":{"a":1}}\n'], 'ndjson');
    expect(rows.map((row) => row.problem)).toEqual([
      undefined,
      expect.stringMatching(/^the line is not JSON \(.*\): "nope"$/),
      'the line is not a JSON object of fields: [1,2]',
      'the line has fields the first line does not ("zip": "x")',
      'fields "phone": {"a":1} hold objects or arrays; a lead\'s fields are text, numbers or true/false',
    ]);
  });

  it('is chosen by the file name: .ndjson and .jsonl, anything else is CSV', () => {
    expect([formatOfFile('a.ndjson'), formatOfFile('b.JSONL'), formatOfFile('c.csv'), formatOfFile('d.txt')]).toEqual(['ndjson', 'ndjson', 'csv', 'csv']);
  });
});
