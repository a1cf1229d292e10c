import type { CallAttempt } from '../core/attempt.js';
import type { Decision } from '../core/decision.js';
import { InputError } from '../core/input-error.js';
import { packsInForce } from '../engine/packs-in-force.js';
import { screen, type ScreenOptions } from '../engine/screen.js';
import { decisionForOutput } from '../cli/decision-output.js';
import { OutputBatches } from '../cli/output-batches.js';
import type { FieldMapping } from './field-mapping.js';
import type { LeadRow, LeadTable } from './lead-table.js';
import { rowProblemText, type RowDefaults, type RowErrorKind } from './row-request.js';
import { RowAttempts } from './row-attempts.js';
import { SeenNumbers } from './seen-numbers.js';
import { READ_AHEAD_ROWS, StoreReadAhead } from './store-read-ahead.js';
import { spreadsheetSafeLine } from '../core/spreadsheet-safe-csv.js';
import { decisionCsvHeadBound, writeDecisionCsvHead, writeDigits } from './decision-csv-row.js';

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
 * One row screened, all but what depends on the rows before it: the duplicate column, and the summary's counts.
 * A decision row keeps its cells and decision, for its line to be written straight into the output (see
 * RowScreener.writeHead); an error row's `line` is whole.
 */
export type ScreenedRow =
  | { readonly cells: readonly string[]; readonly asWritten: string | undefined; readonly decision: Decision }
  | { readonly line: string; readonly error: string; readonly kind: RowErrorKind };

/** Screens rows on their own, in any thread: the same code whether one thread scrubs the list or several. */
export class RowScreener {
  readonly #header: readonly string[];
  readonly #keys: readonly string[];
  readonly #settings: ScrubSettings;
  readonly #options: ScreenOptions;
  readonly #attempts: RowAttempts;
  readonly #readAhead: StoreReadAhead;

  constructor(header: readonly string[], settings: ScrubSettings) {
    this.#header = header;
    this.#attempts = new RowAttempts(header, settings.mapping, settings.defaults);
    this.#readAhead = new StoreReadAhead(settings.screen.registries, settings.mapping.columns.get('phone'));
    this.#keys = settings.output === 'csv' ? header : leadKeys(header);
    this.#settings = settings;
    // A row names no packs of its own, so the packs in force are put together once for the list, not per row.
    const { screen: options } = settings;
    const pack = options.pack ?? packsInForce({ ...(options.packs && { packs: options.packs }), ...(options.custom && { custom: options.custom }) });
    this.#options = { ...options, pack, timeRules: settings.mode === 'dnc-only' ? 'skip' : 'screen' };
  }

  /**
   * Screens `rows[index]` as row `row` of the list. Rows are screened in order, each list of them from its first:
   * every READ_AHEAD_ROWS rows, the registry stores are read ahead for the next ones (StoreReadAhead).
   */
  screenAt(rows: readonly LeadRow[], index: number, row: number): ScreenedRow {
    if (index % READ_AHEAD_ROWS === 0) this.#readAhead.rows(rows, index);
    return this.#screen(rows[index]!, row);
  }

  #screen({ cells, problem, asWritten }: LeadRow, row: number): ScreenedRow {
    const { mapping, mode, output } = this.#settings;
    const built = problem === undefined ? this.#attempts.attempt(cells) : { error: problem, kind: 'malformed row' as const };
    const screened = 'error' in built ? built : screenRow(built.attempt, this.#options, this.#header, mapping);
    if ('error' in screened) {
      const line = output === 'csv' ? errorCsvLine(cells, row, mode, screened.error) : errorJsonLine(this.#keys, cells, row, mode, screened.error);
      return { line, error: screened.error, kind: screened.kind };
    }
    return { cells, asWritten, decision: screened.decision };
  }

  /** Whether rows are written as CSV, by writeHead; NDJSON rows are written as text, by headText. */
  get csv(): boolean {
    return this.#settings.output === 'csv';
  }

  /** The most bytes `writeHead` writes for a decision row. */
  headBound({ cells, decision }: ScreenedDecision): number {
    return decisionCsvHeadBound(cells, this.#settings.mode, decision);
  }

  /**
   * Writes a decision row's CSV line up to its duplicate and error cells into `buffer` at `at` (with room for
   * headBound) and returns where it ends.
   */
  writeHead(buffer: Buffer, at: number, { cells, asWritten, decision }: ScreenedDecision, row: number): number {
    return writeDecisionCsvHead(buffer, at, cells, row, this.#settings.mode, decision, asWritten);
  }

  /** A decision row's NDJSON line without its closing brace, which ScrubTally adds after `duplicateOf` if there is one. */
  headText({ cells, decision }: ScreenedDecision, row: number): string {
    return decisionJsonHead(this.#keys, cells, row, this.#settings.mode, decision);
  }
}

export type ScreenedDecision = Extract<ScreenedRow, { decision: Decision }>;

/** Counts each rule that blocks the decision once in `counts`, in the order they are found (a rule may block twice). */
export function countBlockingRules(decision: Decision, counts: Map<string, number>): void {
  const { violations } = decision;
  next: for (let index = 0; index < violations.length; index++) {
    const { rule } = violations[index]!;
    for (let earlier = 0; earlier < index; earlier++) if (violations[earlier]!.rule === rule) continue next;
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
}

/** A number's key in the duplicate table: its E.164 digits as a number (at most 15, exact in a double). */
export function duplicateKey(e164: string): number {
  // Read from the character codes, which spares a string per row; anything but digits is read as Number reads it.
  let key = 0;
  for (let index = 1; index < e164.length; index++) {
    const digit = e164.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9 || e164.length > 16) return Number(e164.slice(1));
    key = key * 10 + digit;
  }
  return e164.length > 1 ? key : Number(e164.slice(1));
}

/**
 * Finishes screened rows in list order: marks each number seen before as a duplicate of its first row, completes
 * the line, and counts the row in the summary. Nothing is kept per row but the duplicate table of numbers.
 */
export class ScrubTally {
  readonly #summary: ScrubSummary;
  readonly #seen = new SeenNumbers();
  readonly #csv: boolean;
  readonly #source: string;

  constructor(summary: ScrubSummary, settings: Pick<ScrubSettings, 'output' | 'source'>) {
    this.#summary = summary;
    this.#csv = settings.output === 'csv';
    this.#source = settings.source;
  }

  /** The header line of the output: the input's columns and then the scrub's (CSV only; NDJSON has none). */
  headerLine(header: readonly string[]): string {
    return this.#csv ? spreadsheetSafeLine([...header, ...SCRUB_COLUMNS], LINE_END) : '';
  }

  /** Row `row` (read from `line` of the input) written whole into `output` and counted in the summary. */
  finish(screened: ScreenedRow, row: number, line: number, screener: RowScreener, output: OutputBatches): void {
    this.#summary.rows = row;
    if ('error' in screened) {
      this.countError(screened.kind, screened.error, row, line);
      output.text(screened.line);
      return;
    }
    const { decision } = screened;
    this.countDecision(decision);
    const key = decision.callee.e164 === null ? undefined : duplicateKey(decision.callee.e164);
    if (!this.#csv) {
      output.text(screener.headText(screened, row) + this.tail(key, row));
      return;
    }
    const buffer = output.reserveLine(screener.headBound(screened) + CSV_TAIL_BOUND);
    const end = screener.writeHead(buffer, output.written, screened, row);
    output.endLine(this.#writeCsvTail(buffer, end, key, row));
  }

  countError(kind: RowErrorKind, error: string, row: number, line: number): void {
    const summary = this.#summary;
    summary.errors.set(kind, (summary.errors.get(kind) ?? 0) + 1);
    if (summary.firstErrors.length < FIRST_ERRORS) summary.firstErrors.push(`row ${row} (${this.#source}:${line}): ${error}`);
  }

  countDecision(decision: Decision): void {
    const summary = this.#summary;
    if (decision.verdict === 'allow') summary.callable++;
    else {
      summary.blocked++;
      countBlockingRules(decision, summary.blockedByRule);
    }
  }

  /** Decision rows counted elsewhere (a worker's batch): the counts do not depend on the rows' order. */
  countDecisions(callable: number, blocked: number, blockedByRule: Iterable<readonly [string, number]>): void {
    const summary = this.#summary;
    summary.callable += callable;
    summary.blocked += blocked;
    for (const [rule, count] of blockedByRule) summary.blockedByRule.set(rule, (summary.blockedByRule.get(rule) ?? 0) + count);
  }

  /**
   * The end of a decision row's line after its head: the duplicate column and the empty error column (CSV), or
   * `duplicateOf` and the closing brace (NDJSON). `key` is the row's number's duplicateKey, undefined without one.
   */
  tail(key: number | undefined, row: number): string {
    const duplicateOf = this.#duplicateOf(key, row);
    return this.#csv ? `,${duplicateOf ?? ''},${LINE_END}` : `${duplicateOf === undefined ? '' : `,"duplicateOf":${duplicateOf}`}}\n`;
  }

  /** `tail` of a CSV row without its line end, written into `buffer` at `at`; returns where it ends. */
  #writeCsvTail(buffer: Buffer, at: number, key: number | undefined, row: number): number {
    const duplicateOf = this.#duplicateOf(key, row);
    let end = at;
    buffer[end++] = 44;
    if (duplicateOf !== undefined) end = writeDigits(buffer, end, duplicateOf);
    buffer[end++] = 44;
    return end;
  }

  #duplicateOf(key: number | undefined, row: number): number | undefined {
    const duplicateOf = key === undefined ? undefined : this.#seen.firstRow(key, row);
    if (duplicateOf !== undefined) this.#summary.duplicates++;
    return duplicateOf;
  }
}

/** The most a CSV row's tail takes: two commas and a row number. */
const CSV_TAIL_BOUND = 12;

/**
 * Screens a lead list row by row and writes every row, in order, with its columns and then the scrub's columns:
 * rows in equals rows out, whatever a row holds. Nothing is kept per row but a duplicate table of numbers, so memory
 * stays flat however long the list. `scrubLeadTableOnWorkers` spreads the same work over worker threads.
 */
export async function scrubLeadTable(
  table: LeadTable,
  settings: ScrubSettings,
  output: (chunk: Buffer) => Promise<void>,
  { summary = emptyScrubSummary(), progress = () => {} }: ScrubHooks = {},
): Promise<ScrubSummary> {
  const screener = new RowScreener(table.header, settings);
  const tally = new ScrubTally(summary, settings);
  const batches = new OutputBatches();
  batches.text(tally.headerLine(table.header));
  try {
    for await (const batch of table.batches) {
      for (let index = 0; index < batch.length; index++) {
        const number = summary.rows + 1;
        tally.finish(screener.screenAt(batch, index, number), number, batch[index]!.line, screener, batches);
      }
      for (const chunk of batches.take()) {
        await output(chunk);
        progress();
      }
    }
  } finally {
    // Also when the list becomes unreadable half way: the rows screened so far are written, then the error is told.
    for (const chunk of batches.take(true)) await output(chunk);
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

/** A decision row's NDJSON line without its closing brace, which ScrubTally adds after `duplicateOf` if there is one. */
function decisionJsonHead(keys: readonly string[], cells: readonly string[], row: number, mode: ScrubMode, decision: Decision): string {
  return JSON.stringify({ row, mode, lead: leadObject(keys, cells), ...decisionForOutput(decision) }).slice(0, -1);
}

function errorJsonLine(keys: readonly string[], cells: readonly string[], row: number, mode: ScrubMode, error: string): string {
  return `${JSON.stringify({ row, mode, lead: leadObject(keys, cells), verdict: 'error', error })}\n`;
}
