import type { OutputBatches } from '../cli/output-batches.js';
import type { LeadRow } from './lead-table.js';
import type { RowErrorKind } from './row-request.js';
import { duplicateKey, type RowScreener, type ScrubSummary, type ScrubTally } from './scrub-list.js';

const DECISION = 0;
const ERROR = 1;

/**
 * A batch of rows screened by a worker, as bytes and typed arrays rather than an object per row: passing an object
 * per row between threads cost the calling thread (which also reads the list and writes the output) more than the
 * workers saved it. Only what depends on the list's order is left to do: the duplicate column and the first errors.
 */
export interface EncodedBatch {
  /** Each row's head (a decision row) or whole line (an error row), in UTF-8, one after another. */
  readonly bytes: Uint8Array;
  /** Where each row's bytes end in `bytes`. */
  readonly ends: Int32Array;
  /** Each decision row's duplicateKey, NaN for one without a number. */
  readonly keys: Float64Array;
  /** DECISION or ERROR, per row. */
  readonly kinds: Uint8Array;
  readonly callable: number;
  readonly blocked: number;
  readonly blockedByRule: readonly (readonly [string, number])[];
  /** The error rows, in order: their index in the batch, kind and message. */
  readonly errors: readonly { readonly index: number; readonly kind: RowErrorKind; readonly error: string }[];
}

/** Screens a batch of rows (`firstRow` the number of the first) in a worker, encoded for the calling thread. */
export function screenBatch(screener: RowScreener, rows: readonly LeadRow[], firstRow: number): { batch: EncodedBatch; transfer: ArrayBuffer[] } {
  const count = rows.length;
  const texts = new Array<string>(count);
  const keys = new Float64Array(count);
  const kinds = new Uint8Array(count);
  const errors: { index: number; kind: RowErrorKind; error: string }[] = [];
  const blockedByRule = new Map<string, number>();
  let callable = 0;
  let blocked = 0;
  let bytesNeeded = 0;
  for (let index = 0; index < count; index++) {
    const screened = screener.screen(rows[index]!, firstRow + index);
    if ('error' in screened) {
      kinds[index] = ERROR;
      texts[index] = screened.line;
      errors.push({ index, kind: screened.kind, error: screened.error });
    } else {
      kinds[index] = DECISION;
      texts[index] = screened.head;
      keys[index] = screened.e164 === null ? Number.NaN : duplicateKey(screened.e164);
      if (screened.verdict === 'allow') callable++;
      else {
        blocked++;
        for (const rule of screened.rules) blockedByRule.set(rule, (blockedByRule.get(rule) ?? 0) + 1);
      }
    }
    bytesNeeded += Buffer.byteLength(texts[index]!);
  }
  const bytes = Buffer.allocUnsafeSlow(bytesNeeded);
  const ends = new Int32Array(count);
  let at = 0;
  for (let index = 0; index < count; index++) ends[index] = at += bytes.write(texts[index]!, at);
  return {
    batch: { bytes, ends, keys, kinds, callable, blocked, blockedByRule: [...blockedByRule], errors },
    transfer: [bytes.buffer as ArrayBuffer, ends.buffer, keys.buffer, kinds.buffer],
  };
}

/**
 * Finishes an encoded batch in list order into `output`, as ScrubTally.finish does row by row: `lines` are where the
 * rows start in the input, for the first errors.
 */
export function finishBatch(batch: EncodedBatch, firstRow: number, lines: readonly number[], tally: ScrubTally, summary: ScrubSummary, output: OutputBatches): void {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  tally.countDecisions(batch.callable, batch.blocked, batch.blockedByRule);
  let nextError = 0;
  let start = 0;
  for (let index = 0; index < batch.kinds.length; index++) {
    const row = firstRow + index;
    const end = batch.ends[index]!;
    summary.rows = row;
    output.bytes(bytes, start, end);
    start = end;
    if (batch.kinds[index] === ERROR) {
      const { kind, error } = batch.errors[nextError++]!;
      tally.countError(kind, error, row, lines[index]!);
    } else {
      const key = batch.keys[index]!;
      output.text(tally.tail(Number.isNaN(key) ? undefined : key, row));
    }
  }
}
