import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ATTEMPT_CSV_COLUMNS, attemptsCsv } from '../../src/report/attempt-csv.js';
import { reportFixtures } from './report-fixtures.js';

describe('attemptsCsv', () => {
  const fixtures = reportFixtures();
  fixtures.cleanup();
  const text = attemptsCsv(fixtures.results);
  const rows = parse(text, { columns: true }) as Record<string, string>[];

  it('has the documented header and one row per attempt of every scenario, lines ending in CRLF', () => {
    expect(text.split('\r\n')[0]).toBe(ATTEMPT_CSV_COLUMNS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(fixtures.results.reduce((total, result) => total + result.attempts.length, 0));
  });

  it('agrees with the audit records: attempt, lead, verdict, blocking rules and citations', () => {
    const records = fixtures.results.flatMap((result) => result.attempts.map(({ record }) => record));
    rows.forEach((row, index) => {
      const record = records[index]!;
      expect(row).toMatchObject({
        attempt: record.attemptId,
        lead: record.leadId,
        number: `'${record.to}`,
        at_utc: record.at,
        verdict: record.verdict,
        rules: record.violations.map((violation) => violation.rule).join(' | '),
        citations: record.violations.map((violation) => violation.citation).join(' | '),
        lifted: record.exemptions.map((exemption) => exemption.rule).join(' | '),
      });
      expect(row['outcome'] === 'blocked').toBe(record.verdict === 'block');
    });
  });

  it('neutralises a hostile lead id in a real run', () => {
    const [first] = fixtures.results;
    const attempt = first!.attempts[0]!;
    const hostile = { ...first!, attempts: [{ ...attempt, record: { ...attempt.record, leadId: '=cmd|"/c calc"!A1' } }] };
    const [row] = parse(attemptsCsv([hostile]), { columns: true }) as Record<string, string>[];
    expect(row!['lead']).toBe(`'=cmd|"/c calc"!A1`);
  });
});
