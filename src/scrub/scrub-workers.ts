import { AnswersInOrder } from '../workers/answers-in-order.js';
import { screenOptionsShareable, shareScreenOptions, type SharedScreenOptions } from '../workers/shared-screen-options.js';
import { compiledWorkerScript } from '../workers/worker-scripts.js';
import { WorkersAlongside } from '../workers/workers-alongside.js';
import { OutputBatches } from '../cli/output-batches.js';
import type { LeadRow, LeadTable } from './lead-table.js';
import { finishBatch, screenBatch, type EncodedBatch } from './encoded-batch.js';
import { emptyScrubSummary, RowScreener, scrubLeadTable, ScrubTally, type ScrubHooks, type ScrubSettings, type ScrubSummary } from './scrub-list.js';

/** How a worker thread is set up for `scrub`: the list's header, the settings and the screen options it can be sent. */
export interface ScrubWorkerSetup {
  readonly header: readonly string[];
  readonly settings: Omit<ScrubSettings, 'screen'>;
  readonly screen: SharedScreenOptions;
}

/** Rows of the list, and the number of the first (rows count from 1 after the header). */
export interface RowBatch {
  readonly rows: readonly LeadRow[];
  readonly firstRow: number;
}

export interface ScrubWorkerOptions {
  /** Threads screening at once; 1 screens in the calling thread. */
  readonly workers: number;
  /** The `--policy` modules the settings' `custom` packs were loaded from, for the workers to load too. */
  readonly policyModules?: readonly string[];
  /** Told why, when the worker threads cannot start: the calling thread then screens every row itself. */
  readonly onWorkersUnavailable?: (reason: string) => void;
}

/** Rows handed to a worker at a time: enough that passing them costs little beside screening them. */
const ROWS_PER_BATCH = 2_000;
/**
 * Batches screened or being screened, per thread, before the oldest must be finished: enough that this thread
 * seldom waits for a worker's answer when it could screen, few enough to bound the rows held.
 */
const BATCHES_IN_FLIGHT_PER_THREAD = 4;

interface AnsweredBatch {
  readonly batch: EncodedBatch;
  readonly firstRow: number;
  /** Where each row starts in the input, for the summary's first errors. */
  readonly lines: readonly number[];
}

/**
 * `scrubLeadTable` over `workers` threads: this one and `workers - 1` worker threads. This thread reads the list and
 * cuts it into batches of rows; a batch goes to a worker thread while they have fewer than two each to screen, and is
 * screened here otherwise (and while the workers start), with the same RowScreener. This thread finishes every batch
 * in list order with the same ScrubTally (duplicates, counts), so the output and the summary are exactly those of
 * one thread. The registries are shared, not copied. A list shorter than one batch, or a run from the TypeScript
 * sources, is scrubbed in this thread alone; so is every row when the workers cannot start, and
 * `onWorkersUnavailable` is told why.
 */
export async function scrubLeadTableOnWorkers(
  table: LeadTable,
  settings: ScrubSettings,
  output: (chunk: Buffer) => Promise<void>,
  { summary = emptyScrubSummary(), progress = () => {} }: ScrubHooks,
  { workers, policyModules, onWorkersUnavailable }: ScrubWorkerOptions,
): Promise<ScrubSummary> {
  const script = workers > 1 && screenOptionsShareable(settings.screen, policyModules) ? compiledWorkerScript(import.meta.url, 'scrub-worker', { bundled: policyModules === undefined }) : undefined;
  if (script === undefined) return scrubLeadTable(table, settings, output, { summary, progress });

  const rows = table.batches[Symbol.asyncIterator]();
  // Rows are held until a batch is full: a short list never starts a worker.
  let held: LeadRow[] = [];
  let readError: unknown;
  const read = async (): Promise<boolean> => {
    try {
      const next = await rows.next();
      if (next.done === true) return false;
      held.push(...next.value);
      return true;
    } catch (error) {
      // Rows read before the list became unreadable are still screened and written, as with one thread.
      readError = error;
      return false;
    }
  };
  let more = true;
  while (held.length < ROWS_PER_BATCH && (more = await read()));
  if (!more && held.length < ROWS_PER_BATCH) {
    return scrubLeadTable({ ...table, batches: replay(held, readError) }, settings, output, { summary, progress });
  }

  const { mapping, defaults, mode, output: format, source } = settings;
  const setup = (): ScrubWorkerSetup => ({ header: table.header, settings: { mapping, defaults, mode, output: format, source }, screen: shareScreenOptions(settings.screen, policyModules) });
  // Not waited for: this thread screens batches while the workers start, and all of them if they cannot start.
  const alongside = new WorkersAlongside<RowBatch, EncodedBatch>(script, workers - 1, setup, onWorkersUnavailable);
  const screenHere = new RowScreener(table.header, settings);
  const tally = new ScrubTally(summary, settings);
  const batches = new OutputBatches();
  batches.text(tally.headerLine(table.header));
  const answers = new AnswersInOrder<AnsweredBatch>(workers * BATCHES_IN_FLIGHT_PER_THREAD, async ({ batch, firstRow, lines }) => {
    finishBatch(batch, firstRow, lines, tally, summary, batches);
    for (const chunk of batches.take()) {
      await output(chunk);
      progress();
    }
  });
  let nextRow = 1;
  const dispatch = async (batch: LeadRow[]): Promise<void> => {
    const firstRow = nextRow;
    nextRow += batch.length;
    const lines = batch.map((row) => row.line);
    const pool = alongside.withRoom();
    if (pool !== undefined) {
      await answers.add(pool.run({ rows: batch, firstRow }).then((screened) => ({ batch: screened, firstRow, lines })));
    } else {
      await answers.add(Promise.resolve({ batch: screenBatch(screenHere, batch, firstRow).batch, firstRow, lines }));
    }
  };
  try {
    for (;;) {
      while (held.length >= ROWS_PER_BATCH) await dispatch(held.splice(0, ROWS_PER_BATCH));
      if (!more) break;
      more = await read();
    }
    if (held.length > 0) await dispatch(held.splice(0));
    await answers.drain();
    for (const chunk of batches.take(true)) await output(chunk);
    progress();
    if (readError !== undefined) throw readError;
    return summary;
  } finally {
    const abandoned = answers.abandon();
    await alongside.close();
    await abandoned;
  }
}

/** The rows held, then the error that ended the list, if one did: as the list itself would have given them. */
async function* replay(rows: readonly LeadRow[], error: unknown): AsyncIterable<readonly LeadRow[]> {
  yield rows;
  if (error !== undefined) throw error;
}
