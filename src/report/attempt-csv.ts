import type { ScenarioResult } from '../scenario/run-scenario.js';
import { attemptRows } from './attempt-rows.js';

/**
 * The attempt table as CSV (RFC 4180, `\r\n` line ends, UTF-8), one row per screening of every scenario run: what
 * `dialsim run --attempts-csv FILE` writes. A cell a spreadsheet would read as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading apostrophe, so an E.164 number or a lead id from a hostile
 * lead file is shown as text and never evaluated (OWASP's CSV injection advice).
 */

export const ATTEMPT_CSV_COLUMNS = [
  'scenario',
  'attempt',
  'lead',
  'number',
  'at_utc',
  'callee_local_time',
  'method',
  'verdict',
  'rules',
  'citations',
  'lifted',
  'outcome',
] as const;

/** A spreadsheet reads these first characters as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised when it looks like a formula, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV text for these results. Several rules or citations in one cell are joined with ` | `.
 * @example
 * writeFileSync('attempts.csv', attemptsCsv([result]));
 */
export function attemptsCsv(results: readonly ScenarioResult[]): string {
  const lines = [ATTEMPT_CSV_COLUMNS.join(',')];
  for (const result of results) {
    for (const row of attemptRows(result)) {
      const cells = [
        result.provenance.scenario?.file ?? result.title,
        row.attemptId,
        row.leadId,
        row.number,
        row.at,
        row.localTimes.join(' | '),
        row.method,
        row.verdict,
        row.rules.map((entry) => entry.rule).join(' | '),
        row.rules.map((entry) => entry.citation).join(' | '),
        row.lifted.map((entry) => entry.rule).join(' | '),
        row.outcome,
      ];
      lines.push(cells.map(csvCell).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
