import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

/** acme's registries: a fresh national copy listing 720-555-0199, its internal list with 212-555-0147, Colorado's list. */
const CONTEXT = JSON.stringify({
  registries: {
    national: { syncedAt: '2026-03-01', numbers: ['720-555-0199'] },
    internal: { numbers: ['212-555-0147'] },
    states: { CO: { syncedAt: '2026-03-01', numbers: [] } },
  },
});

/** Writes the files into a fresh temp directory (removed after the test) and returns its path. */
function setup(files: Record<string, string | Buffer>): string {
  const dir = scratchDir('scrub');
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'context.json'), CONTEXT);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function scrub(dir: string, file: string, ...flags: string[]) {
  const result = await runCliInMemory(['scrub', join(dir, file), '--seller', 'acme', '--context', join(dir, 'context.json'), ...flags]);
  return { ...result, stderr: result.stderr.replaceAll(dir, '<dir>') };
}

/** The output's rows as objects by column, header aside. */
function outputRows(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true }) as Record<string, string>[];
}

/**
 * A CRM export as one arrives: a byte-order mark, CRLF line ends, headers in the CRM's words, a quoted note with
 * commas, quotes and a line break, a formula in a name, an empty row, a row without a number and a duplicate.
 */
const CRM_EXPORT = Buffer.from(
  '\uFEFFContact ID,Full Name,Phone Number,State/Province,Mobile?,Notes\r\n' +
    '1001,"Ortiz, Ana",(303) 555-0123,CO,Yes,"Asked us to call after 5, said ""any weekday""\r\nOK by text too"\r\n' +
    '1002,=HYPERLINK("http://evil.example"),720-555-0199,CO,No,@mention\r\n' +
    '1003,Dana Lee,+1 212 555 0147,NY,No,\r\n' +
    ',,,,,\r\n' +
    '1004,Sam Roe,,CO,Yes,no number on file\r\n' +
    '1005,Ana Ortiz,303.555.0123,CO,Yes,duplicate of 1001\r\n',
  'utf8',
);
const CRM_FLAGS = ['--at', '2026-03-10T15:00:00-07:00', '--map', 'lineType=Mobile?', '--values', 'lineType=yes:mobile,no:landline'];

describe('dialsim scrub', () => {
  it('turns a CRM export into a list with every row, in order, every column passed through, then the verdict and reasons', async () => {
    const dir = setup({ 'crm.csv': CRM_EXPORT });
    const result = await scrub(dir, 'crm.csv', ...CRM_FLAGS);
    const rows = outputRows(result.stdout);
    expect(rows.map((row) => [row['Contact ID'], row.scrub_row, row.scrub_verdict, row.scrub_rules])).toEqual([
      ['1001', '1', 'allow', ''],
      ['1002', '2', 'block', 'dnc.national'],
      ['1003', '3', 'block', 'dnc.internal'],
      ['', '4', 'error', ''],
      ['1004', '5', 'error', ''],
      ['1005', '6', 'allow', ''],
    ]);
    expect(rows[0]!.Notes).toBe('Asked us to call after 5, said "any weekday"\r\nOK by text too');
    expect(rows[0]!['Full Name']).toBe('Ortiz, Ana');
    expect(rows[1]!.scrub_citations).toBe('47 CFR 64.1200(c)(2); 16 CFR 310.4(b)(1)(iii)(B)');
    expect(rows[1]!.scrub_messages).toMatch(/is on the national do-not-call registry and no exemption applies/);
    expect(rows[0]!.scrub_zones).toBe('America/Denver');
    expect(rows[2]!.scrub_states).toBe('NY');
    expect(rows[3]!.scrub_error).toBe('the row is empty');
    expect(rows[4]!.scrub_error).toBe('phone (column "Phone Number"): the cell is empty: no number to screen');
    expect(rows[5]!.scrub_duplicate_of).toBe('1');
    expect(rows.every((row) => row.scrub_mode === 'full')).toBe(true);
    expect(result.code).toBe(1);
  });

  it('neutralises cells a spreadsheet would run as formulas, in passed-through columns and its own', async () => {
    const dir = setup({ 'crm.csv': CRM_EXPORT });
    const rows = outputRows((await scrub(dir, 'crm.csv', ...CRM_FLAGS)).stdout);
    expect(rows[1]!['Full Name']).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(rows[1]!.Notes).toBe("'@mention");
    expect(rows[2]!['Phone Number']).toBe("'+1 212 555 0147");
    expect(rows[0]!.scrub_e164).toBe("'+13035550123");
  });

  it('prints the mapping, then a summary of rows, callable, blocked by rule, errors and duplicates', async () => {
    const dir = setup({ 'crm.csv': CRM_EXPORT });
    const { stderr } = await scrub(dir, 'crm.csv', ...CRM_FLAGS);
    expect(stderr).toBe(
      [
        'dialsim scrub: <dir>/crm.csv (CSV): columns read as fields',
        'dialsim scrub:   phone <- "Phone Number" (by its name)',
        'dialsim scrub:   lineType <- "Mobile?" (--map)',
        'dialsim scrub:   state <- "State/Province" (by its name)',
        'dialsim scrub: summary',
        'dialsim scrub:   mode        full screening (every rule, time rules included)',
        'dialsim scrub:   judged at   2026-03-10T15:00:00-07:00 (--at)',
        'dialsim scrub:   rows        6 in, 6 out',
        'dialsim scrub:   callable    2',
        'dialsim scrub:   blocked     2 (dnc.internal 1, dnc.national 1)',
        'dialsim scrub:   errors      2 (empty 1, no number 1)',
        'dialsim scrub:   duplicates  1 (screened and written; scrub_duplicate_of names the first row)',
        'dialsim scrub:   ✖ row 4 (<dir>/crm.csv:6): the row is empty',
        'dialsim scrub:   ✖ row 5 (<dir>/crm.csv:7): phone (column "Phone Number"): the cell is empty: no number to screen',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when every row was screened, blocked rows included', async () => {
    const dir = setup({ 'leads.csv': 'phone\n720-555-0199\n303-555-0123\n' });
    const result = await scrub(dir, 'leads.csv', '--at', '2026-03-10T15:00:00-07:00');
    expect(outputRows(result.stdout).map((row) => row.scrub_verdict)).toEqual(['block', 'allow']);
    expect(result.code).toBe(0);
  });

  it('refuses a list without a phone column once, at the header, before screening any row (exit 2)', async () => {
    const dir = setup({ 'crm.csv': 'Name,Phon,Zip\nAna,303-555-0123,80202\nSam,720-555-0199,80203\n' });
    const result = await scrub(dir, 'crm.csv', '--dnc-only');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^dialsim scrub: the header does not fit: no column gives phone, which every row needs \(did you mean "Phon"\? map it with --map phone="Phon"\)\. Columns found: "Name", "Phon", "Zip"\. .* \(<dir>\/crm\.csv:1\)$/),
    ]);
  });

  it('--dnc-only skips the time rules, judges the registries at --at, and says so on every row and in the summary', async () => {
    // 23:00 in Denver: a full screening blocks by the clock; a dnc-only scrub does not, and gives no nextAllowedAt.
    const dir = setup({ 'leads.csv': 'phone\n303-555-0123\n720-555-0199\n' });
    const full = outputRows((await scrub(dir, 'leads.csv', '--at', '2026-03-10T23:00:00-07:00')).stdout);
    expect(full.map((row) => row.scrub_rules)).toEqual(['hours.federal', 'hours.federal dnc.national']);
    expect(full[0]!.scrub_next_allowed_at).toBe('2026-03-11T08:00:00-06:00');
    const result = await scrub(dir, 'leads.csv', '--dnc-only', '--at', '2026-03-10T23:00:00-07:00');
    const rows = outputRows(result.stdout);
    expect(rows.map((row) => [row.scrub_mode, row.scrub_verdict, row.scrub_rules, row.scrub_next_allowed_at])).toEqual([
      ['dnc-only', 'allow', '', ''],
      ['dnc-only', 'block', 'dnc.national', ''],
    ]);
    expect(result.stderr).toContain('mode        dnc-only: NOT a full screening (time-of-day, day and frequency rules skipped)');
    // Forty days later the same copy is stale: freshness is judged at --at.
    const later = outputRows((await scrub(dir, 'leads.csv', '--dnc-only', '--at', '2026-04-10T12:00:00Z')).stdout);
    expect(later.map((row) => row.scrub_rules)).toEqual(['dnc.registry-stale dnc.state', 'dnc.registry-stale dnc.national dnc.state']);
  });

  it('--dnc-only without --at judges at the current time and prints it', async () => {
    const dir = setup({ 'leads.csv': 'phone\n303-555-0123\n' });
    const before = Date.now();
    const { stderr } = await scrub(dir, 'leads.csv', '--dnc-only');
    const at = /judged at {3}(\S+) \(now, as no --at was given\)/.exec(stderr)?.[1];
    expect(at).toBeDefined();
    expect(Date.parse(at!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(at!)).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a full screening without a call time, naming both ways out (exit 2)', async () => {
    const dir = setup({ 'leads.csv': 'phone\n303-555-0123\n' });
    const result = await scrub(dir, 'leads.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'dialsim scrub: a full screening needs the time of the calls: give --at INSTANT (or an "at" column), or scrub with --dnc-only, which skips the time-of-day, day and frequency rules\n',
    );
  });

  it('takes each row\'s method, line type and consent from its columns over the flag', async () => {
    const dir = setup({
      'leads.csv': 'phone,method,line type,consent type,consent date\n303-555-0123,,mobile,,\n303-555-0124,manual,mobile,,\n303-555-0125,,mobile,prior-express-written,2026-01-05\n',
    });
    const rows = outputRows((await scrub(dir, 'leads.csv', '--at', '2026-03-10T15:00:00-07:00', '--method', 'autodialer')).stdout);
    expect(rows.map((row) => row.scrub_rules)).toEqual(['consent.autodial-wireless', '', '']);
  });

  it('names the field and column of a value that does not parse, and keeps the row (exit 1)', async () => {
    const dir = setup({ 'leads.csv': 'Phone,Line Type,State,Biz\n303-555-0123,cell,CO,yes\n303-555-0124,mobile,XX,maybe\n' });
    const result = await scrub(dir, 'leads.csv', '--dnc-only', '--at', '2026-03-10T15:00:00Z', '--map', 'business=Biz');
    const rows = outputRows(result.stdout);
    expect(rows.map((row) => row.scrub_error)).toEqual([
      'lineType (column "Line Type"): expected one of mobile|landline|unknown (got "cell")',
      'business (column "Biz"): expected yes or no (y/n, true/false, 1/0), got "maybe"',
    ]);
    expect(result.code).toBe(1);
  });

  it('writes NDJSON with --ndjson: the lead, then the decision in the shape of check', async () => {
    const dir = setup({ 'leads.csv': 'Name,phone\nAna,720-555-0199\n,\n' });
    const result = await scrub(dir, 'leads.csv', '--ndjson', '--dnc-only', '--at', '2026-03-10T15:00:00Z');
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ row: 1, mode: 'dnc-only', lead: { Name: 'Ana', phone: '720-555-0199' }, verdict: 'block', violations: [{ rule: 'dnc.national' }], exemptions: [] });
    expect(lines[1]).toEqual({ row: 2, mode: 'dnc-only', lead: { Name: '', phone: '' }, verdict: 'error', error: 'the row is empty' });
  });

  it('--ndjson keeps every cell of a repeated column name: the second "Notes" is "Notes (2)"', async () => {
    const dir = setup({ 'leads.csv': 'Lead ID,Telephone Nr,Notes,Notes\n1,2105550001,a,b\n' });
    const result = await scrub(dir, 'leads.csv', '--ndjson', '--dnc-only', '--at', '2026-03-10T15:00:00Z', '--map', 'phone=Telephone Nr');
    const [line] = result.stdout.trimEnd().split('\n').map((text) => JSON.parse(text));
    expect(line.lead).toEqual({ 'Lead ID': '1', 'Telephone Nr': '2105550001', Notes: 'a', 'Notes (2)': 'b' });
    expect(result.code).toBe(0);
  });

  it('keeps the cells of a row longer than the header in its error, as JSON strings, and the row (exit 1)', async () => {
    const dir = setup({ 'leads.csv': 'phone,name\n303-555-0123,Ann,"say ""hi""",x\n303-555-0124,Ben\n' });
    const result = await scrub(dir, 'leads.csv', '--dnc-only', '--at', '2026-03-10T15:00:00Z');
    const rows = outputRows(result.stdout);
    expect(rows.map((row) => [row.phone, row.name, row.scrub_verdict, row.scrub_error])).toEqual([
      ['303-555-0123', 'Ann', 'error', 'the row has 4 cells, the header 2 columns; the 2 cells past the header: "say \\"hi\\"", "x"'],
      ['303-555-0124', 'Ben', 'allow', ''],
    ]);
    expect(result.code).toBe(1);
  });

  it('skips blank lines after the last row (exit 0), and keeps an empty row between rows as an error', async () => {
    const dir = setup({ 'trailing.csv': 'phone\r\n3035550124\r\n\r\n', 'between.csv': 'phone\r\n3035550124\r\n\r\n3035550123\r\n\r\n' });
    const trailing = await scrub(dir, 'trailing.csv', '--dnc-only', '--at', '2026-03-10T15:00:00Z');
    expect(outputRows(trailing.stdout).map((row) => [row.phone, row.scrub_verdict])).toEqual([['3035550124', 'allow']]);
    expect(trailing.code).toBe(0);
    const between = await scrub(dir, 'between.csv', '--dnc-only', '--at', '2026-03-10T15:00:00Z');
    expect(outputRows(between.stdout).map((row) => [row.phone, row.scrub_verdict, row.scrub_error])).toEqual([
      ['3035550124', 'allow', ''],
      ['', 'error', 'the row is empty'],
      ['3035550123', 'allow', ''],
    ]);
    expect(between.code).toBe(1);
  });

  it('reads an NDJSON list by its file name', async () => {
    const dir = setup({ 'leads.ndjson': '{"id":1,"phone":"720-555-0199"}\n{"id":2,"phone":"303-555-0123"}\n' });
    const rows = outputRows((await scrub(dir, 'leads.ndjson', '--dnc-only', '--at', '2026-03-10T15:00:00Z')).stdout);
    expect(rows.map((row) => [row.id, row.scrub_verdict])).toEqual([['1', 'block'], ['2', 'allow']]);
  });

  it('--out writes the list beside the file and renames it; an unreadable list leaves no file', async () => {
    const dir = setup({ 'leads.csv': 'phone\n303-555-0123\n', 'broken.csv': 'phone\n303-555-0123\n"720\n' });
    const ok = await scrub(dir, 'leads.csv', '--dnc-only', '--at', '2026-03-10T15:00:00Z', '--out', join(dir, 'call-list.csv'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(outputRows(readFileSync(join(dir, 'call-list.csv'), 'utf8'))).toHaveLength(1);
    const broken = await scrub(dir, 'broken.csv', '--dnc-only', '--at', '2026-03-10T15:00:00Z', '--out', join(dir, 'broken-out.csv'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/dialsim scrub: the CSV cannot be read from this line on: .* \(<dir>\/broken\.csv:3\)\ndialsim scrub: 1 rows were screened before the list became unreadable; nothing was written to --out\n$/);
    expect(existsSync(join(dir, 'broken-out.csv'))).toBe(false);
    // Refused after the header was read (a full screening without a call time): no file either.
    expect((await scrub(dir, 'leads.csv', '--out', join(dir, 'untimed.csv'))).code).toBe(2);
    expect(existsSync(join(dir, 'untimed.csv'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('refuses --out onto the list itself, or into a folder that does not exist, before reading anything', async () => {
    const dir = setup({ 'leads.csv': 'phone\n303-555-0123\n' });
    expect((await scrub(dir, 'leads.csv', '--dnc-only', '--out', join(dir, 'leads.csv'))).stderr).toBe(
      'dialsim scrub: --out <dir>/leads.csv is the lead list itself: write the scrubbed list to another file\n',
    );
    expect((await scrub(dir, 'leads.csv', '--dnc-only', '--out', join(dir, 'nope', 'x.csv'))).stderr).toBe(
      'dialsim scrub: cannot write --out <dir>/nope/x.csv: the folder <dir>/nope does not exist\n',
    );
  });

  it('names a missing flag, a bad --at or --method, and a misspelt option', async () => {
    const dir = setup({ 'leads.csv': 'phone\n303-555-0123\n' });
    const run = (...argv: string[]) => runCliInMemory(['scrub', join(dir, 'leads.csv'), ...argv]);
    expect((await run('--context', join(dir, 'context.json'))).stderr).toBe('dialsim scrub: --seller is required: the seller on whose behalf the list is called, e.g. --seller acme\n');
    expect((await run('--seller', 'acme')).stderr).toMatch(/^dialsim scrub: --context is required: /);
    expect((await run('--seller', 'acme', '--context', 'c.json', '--at', '2026-03-10T15:00')).stderr).toBe(
      'dialsim scrub: --at "2026-03-10T15:00" is not an instant: it needs an offset or Z, e.g. 2026-03-10T15:00:00-05:00\n',
    );
    expect((await run('--seller', 'acme', '--context', 'c.json', '--method', 'robot')).stderr).toBe('dialsim scrub: --method "robot": expected one of manual|autodialer|prerecorded\n');
    expect((await run('--seller', 'acme', '--dnc-onyl')).stderr).toMatch(/^dialsim scrub: unknown option --dnc-onyl \(did you mean --dnc-only\?\)/);
  });

  it('reads CSV from standard input with "-"', async () => {
    const dir = setup({});
    const result = await runCliInMemory(['scrub', '-', '--seller', 'acme', '--context', join(dir, 'context.json'), '--dnc-only', '--at', '2026-03-10T15:00:00Z'], 'phone\n720-555-0199\n');
    expect(outputRows(result.stdout).map((row) => row.scrub_rules)).toEqual(['dnc.national']);
    expect(result.stderr).toContain('dialsim scrub: stdin (CSV): columns read as fields');
  });
});

describe('dialsim scrub --packs', () => {
  it('screens with the packs named, as check does: without us-states no state list is consulted', async () => {
    const dir = setup({ 'leads.csv': 'phone\n303-555-0123\n' });
    // Forty days after the copies were made: both the national and the Colorado copy are stale.
    const all = outputRows((await scrub(dir, 'leads.csv', '--dnc-only', '--at', '2026-04-10T12:00:00Z')).stdout);
    const federal = outputRows((await scrub(dir, 'leads.csv', '--dnc-only', '--at', '2026-04-10T12:00:00Z', '--packs', 'us-federal')).stdout);
    expect(all[0]!.scrub_rules).toBe('dnc.registry-stale dnc.state');
    expect(federal[0]!.scrub_rules).toBe('dnc.registry-stale');
    expect((await scrub(dir, 'leads.csv', '--dnc-only', '--packs', 'us-fedral')).stderr).toBe('dialsim scrub: --packs: unknown pack "us-fedral": expected one of us-federal|us-states|canada|finra|canada-provinces\n');
  });
});

describe('rows in equals rows out', () => {
  const cases: [string, string, string | Buffer][] = [
    ['the CRM export', 'crm.csv', CRM_EXPORT],
    ['only empty rows', 'empty.csv', 'phone,name\n\n,\n\n,\n'],
    ['blank lines after the last row', 'trailing.csv', 'phone\r\n303-555-0123\r\n\r\n\r\n'],
    ['short and long rows', 'ragged.csv', 'phone,name,state\n303-555-0123\n720-555-0199,Ben,CO,extra,cells\n'],
    ['unparsable values and numbers', 'bad.csv', 'phone,line type,business\nN/A,mobile,no\n303-555-0123,cell,maybe\n303-555-0123,,\n'],
    ['NDJSON with broken lines', 'leads.ndjson', '{"phone":"303-555-0123"}\nnot json\n\n{"phone":"720-555-0199","extra":1}\n[1]\n'],
  ];
  it.each(cases)('%s', async (_name, file, text) => {
    const dir = setup({ [file]: text });
    const result = await scrub(dir, file, '--dnc-only', '--at', '2026-03-10T15:00:00Z', '--ndjson');
    // Blank lines after the last row are not rows; every other line of the file is one.
    const rowsText = String(text).replace(/(\r?\n[ \t]*)+$/, '\n');
    const expected = file.endsWith('.ndjson')
      ? rowsText.replace(/\n$/, '').split('\n').length
      : (parse(rowsText, { bom: true, relax_column_count: true, relax_quotes: true }) as string[][]).length - 1;
    const rows = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { row: number });
    expect(rows.map((row) => row.row)).toEqual(Array.from({ length: expected }, (_, index) => index + 1));
    expect(result.stderr).toContain(`rows        ${expected} in, ${expected} out`);
  });
});

describe('a list that becomes unreadable half way', () => {
  it('on standard output: the rows before it are written, then the error says how many (exit 2)', async () => {
    const dir = setup({ 'broken.csv': 'phone\n303-555-0123\n720-555-0199\n"303\n' });
    const result = await scrub(dir, 'broken.csv', '--dnc-only', '--at', '2026-03-10T15:00:00Z');
    expect(result.code).toBe(2);
    expect(outputRows(result.stdout).map((row) => row.scrub_row)).toEqual(['1', '2']);
    expect(result.stderr).toMatch(/\(<dir>\/broken\.csv:4\)\ndialsim scrub: 2 rows were screened and written before it\n$/);
  });
});
