import type { CallAttempt } from '../core/attempt.js';
import type { Decision } from '../core/decision.js';
import { InputError } from '../core/input-error.js';
import { screen, type ScreenOptions } from '../engine/screen.js';
import { decisionForOutput } from '../cli/decision-output.js';
import type { FieldMapping } from './field-mapping.js';
import type { LeadTable } from './lead-table.js';
import { rowAttempt, rowProblemText, type RowDefaults, type RowErrorKind } from './row-request.js';
import { SeenNumbers } from './seen-numbers.js';
import { spreadsheetSafeLine } from '../core/spreadsheet-safe-csv.js';

/** `full`: every rule at the row's instant; `dnc-only`: no time-of-day, day or frequency rule (see `timeRules`). */
export type ScrubMode = 'full' | 'dnc-only';

/** The columns a CSV scrub adds after the input's own, in this order. */
export const SCRUB_COLUMNS = [
  'scrub_row',
  'scrub_mode',
  'scrub_verdict',
  'scrub_e164',
  'scrub_rules',
  'scrub_messages',
  'scrub_citations',
  'scrub_exemptions',
  'scrub_exemption_reasons',
  'scrub_zones',
  'scrub_states',
  'scrub_next_allowed_at',
  'scrub_duplicate_of',
  'scrub_error',
] as const;

/** A scrubbed list's CSV lines end in a line feed, as they always have. */
const LINE_END = '\n';

/** Messages and citations may hold spaces and commas; the lists of them are joined with this. */
const LIST_SEPARATOR = ' | ';

export interface ScrubSettings {
  readonly mapping: FieldMapping;
  readonly defaults: RowDefaults;
  /** Registries, packs and custom policies, as for `check`; the mode's `timeRules` is added here. */
  readonly screen: ScreenOptions;
  readonly mode: ScrubMode;
  readonly output: 'csv' | 'ndjson';
  /** The input's name for error locations: `leads.csv`. */
  readonly source: string;
}

export interface ScrubSummary {
  rows: number;
  callable: number;
  blocked: number;
  /** Rows each rule blocks; a row blocked by two rules counts for both. */
  readonly blockedByRule: Map<string, number>;
  readonly errors: Map<RowErrorKind, number>;
  /** Rows whose number appeared on an earlier row (screened and written all the same). */
  duplicates: number;
  /** The first few rows that could not be screened, for the message on standard error. */
  readonly firstErrors: string[];
}

const FIRST_ERRORS = 5;
/** Output is written in batches of about this many characters: one write per row would dominate the cost. */
const FLUSH_AT = 64 * 1024;

/** A summary of nothing yet, for `scrubLeadTable` to fill. */
export function emptyScrubSummary(): ScrubSummary {
  return { rows: 0, callable: 0, blocked: 0, blockedByRule: new Map(), errors: new Map(), duplicates: 0, firstErrors: [] };
}

export interface ScrubHooks {
  /** Filled as rows are screened, so a caller that catches an error half way knows how many were. */
  readonly summary?: ScrubSummary;
  /** Called after every batch written. */
  readonly progress?: () => void;
}

/**
 * Screens a lead list row by row and writes every row, in order, with its columns and then the scrub's columns:
 * rows in equals rows out, whatever a row holds. Nothing is kept per row but a duplicate table of numbers, so memory
 * stays flat however long the list.
 */
export async function scrubLeadTable(
  table: LeadTable,
  settings: ScrubSettings,
  output: (chunk: string) => Promise<void>,
  { summary = emptyScrubSummary(), progress = () => {} }: ScrubHooks = {},
): Promise<ScrubSummary> {
  const { header } = table;
  const options: ScreenOptions = { ...settings.screen, timeRules: settings.mode === 'dnc-only' ? 'skip' : 'screen' };
  const seen = new SeenNumbers();
  const csv = settings.output === 'csv';
  const keys = csv ? header : leadKeys(header);
  let buffered = csv ? spreadsheetSafeLine([...header, ...SCRUB_COLUMNS], LINE_END) : '';

  try {
    for await (const batch of table.batches) {
      for (const { cells, line, problem } of batch) {
        const row = ++summary.rows;
        const built = problem === undefined ? rowAttempt(cells, header, settings.mapping, settings.defaults) : { error: problem, kind: 'malformed row' as const };
        const screened = 'error' in built ? built : screenRow(built.attempt, options, header, settings.mapping);
        if ('error' in screened) {
          summary.errors.set(screened.kind, (summary.errors.get(screened.kind) ?? 0) + 1);
          if (summary.firstErrors.length < FIRST_ERRORS) summary.firstErrors.push(`row ${row} (${settings.source}:${line}): ${screened.error}`);
          buffered += csv ? errorCsvLine(cells, row, settings.mode, screened.error) : errorJsonLine(keys, cells, row, settings.mode, screened.error);
        } else {
          const { decision } = screened;
          const duplicateOf = decision.callee.e164 === null ? undefined : seen.firstRow(decision.callee.e164, row);
          if (duplicateOf !== undefined) summary.duplicates++;
          if (decision.verdict === 'allow') summary.callable++;
          else {
            summary.blocked++;
            for (const rule of new Set(decision.violations.map((found) => found.rule))) summary.blockedByRule.set(rule, (summary.blockedByRule.get(rule) ?? 0) + 1);
          }
          buffered += csv ? decisionCsvLine(cells, row, settings.mode, decision, duplicateOf) : decisionJsonLine(keys, cells, row, settings.mode, decision, duplicateOf);
        }
      }
      if (buffered.length >= FLUSH_AT) {
        await output(buffered);
        buffered = '';
        progress();
      }
    }
  } finally {
    // Also when the list becomes unreadable half way: the rows screened so far are written, then the error is told.
    if (buffered !== '') await output(buffered);
  }
  progress();
  return summary;
}

/** Screens one row's attempt; an input problem found while screening becomes the row's error, as in `check`. */
function screenRow(attempt: CallAttempt, options: ScreenOptions, header: readonly string[], mapping: FieldMapping): { decision: Decision } | { error: string; kind: RowErrorKind } {
  try {
    return { decision: screen(attempt, options) };
  } catch (error) {
    if (error instanceof InputError) return { error: rowProblemText(error, header, mapping), kind: 'invalid value' };
    throw error;
  }
}

function decisionCsvLine(cells: readonly string[], row: number, mode: ScrubMode, decision: Decision, duplicateOf: number | undefined): string {
  const { violations, callee } = decision;
  return spreadsheetSafeLine([
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
    duplicateOf === undefined ? '' : String(duplicateOf),
    '',
  ], LINE_END);
}

function errorCsvLine(cells: readonly string[], row: number, mode: ScrubMode, error: string): string {
  return spreadsheetSafeLine([...cells, String(row), mode, 'error', ...Array<string>(SCRUB_COLUMNS.length - 4).fill(''), error], LINE_END);
}

/**
 * The keys of a row's `lead` object in NDJSON output, one per column, so that no cell is lost: the header's names,
 * and for a name the header repeats, `Notes (2)`, `Notes (3)` ... in order (skipping any key the header holds itself).
 * @example
 * leadKeys(['Notes', 'Phone', 'Notes']); // ['Notes', 'Phone', 'Notes (2)']
 */
export function leadKeys(header: readonly string[]): string[] {
  const taken = new Set(header);
  const seen = new Set<string>();
  return header.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let count = 2;
    while (taken.has(`${name} (${count})`)) count++;
    const key = `${name} (${count})`;
    taken.add(key);
    return key;
  });
}

function leadObject(keys: readonly string[], cells: readonly string[]): Record<string, string> {
  const lead: Record<string, string> = {};
  keys.forEach((key, index) => (lead[key] = cells[index] ?? ''));
  return lead;
}

function decisionJsonLine(keys: readonly string[], cells: readonly string[], row: number, mode: ScrubMode, decision: Decision, duplicateOf: number | undefined): string {
  return `${JSON.stringify({ row, mode, lead: leadObject(keys, cells), ...decisionForOutput(decision), ...(duplicateOf !== undefined && { duplicateOf }) })}\n`;
}

function errorJsonLine(keys: readonly string[], cells: readonly string[], row: number, mode: ScrubMode, error: string): string {
  return `${JSON.stringify({ row, mode, lead: leadObject(keys, cells), verdict: 'error', error })}\n`;
}
