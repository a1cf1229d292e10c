import type { ScenarioResult } from '../scenario/run-scenario.js';
import { spreadsheetSafeLine } from '../core/spreadsheet-safe-csv.js';
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

/**
 * The CSV text for these results. Several rules or citations in one cell are joined with ` | `.
 * @example
 * writeFileSync('attempts.csv', attemptsCsv([result]));
 */
export function attemptsCsv(results: readonly ScenarioResult[]): string {
  let text = spreadsheetSafeLine(ATTEMPT_CSV_COLUMNS, '\r\n');
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
      text += spreadsheetSafeLine(cells, '\r\n');
    }
  }
  return text;
}
