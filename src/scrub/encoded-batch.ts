import type { OutputBatches } from '../cli/output-batches.js';
import type { LeadRow } from './lead-table.js';
import type { RowErrorKind } from './row-request.js';
import { countBlockingRules, duplicateKey, type RowScreener, type ScrubSummary, type ScrubTally } from './scrub-list.js';

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
  const out = new GrowingBytes(count * BYTES_PER_ROW_GUESS);
  const ends = new Int32Array(count);
  const keys = new Float64Array(count);
  const kinds = new Uint8Array(count);
  const errors: { index: number; kind: RowErrorKind; error: string }[] = [];
  const blockedByRule = new Map<string, number>();
  let callable = 0;
  let blocked = 0;
  for (let index = 0; index < count; index++) {
    const row = firstRow + index;
    const screened = screener.screenAt(rows, index, row);
    if ('error' in screened) {
      kinds[index] = ERROR;
      out.text(screened.line);
      errors.push({ index, kind: screened.kind, error: screened.error });
    } else {
      const { decision } = screened;
      kinds[index] = DECISION;
      if (screener.csv) out.written = screener.writeHead(out.room(screener.headBound(screened)), out.written, screened, row);
      else out.text(screener.headText(screened, row));
      keys[index] = decision.callee.e164 === null ? Number.NaN : duplicateKey(decision.callee.e164);
      if (decision.verdict === 'allow') callable++;
      else {
        blocked++;
        countBlockingRules(decision, blockedByRule);
      }
    }
    ends[index] = out.written;
  }
  const bytes = out.bytes();
  return {
    batch: { bytes, ends, keys, kinds, callable, blocked, blockedByRule: [...blockedByRule], errors },
    transfer: [bytes.buffer as ArrayBuffer, ends.buffer, keys.buffer, kinds.buffer],
  };
}

/** A first guess at a row's bytes, so that a batch's buffer seldom grows. */
const BYTES_PER_ROW_GUESS = 256;

/** Bytes appended into one buffer of its own (never Node's shared pool, so that it can be transferred), doubled when full. */
class GrowingBytes {
  #buffer: Buffer;
  /** Where the next bytes go. */
  written = 0;

  constructor(bytes: number) {
    this.#buffer = Buffer.allocUnsafeSlow(bytes);
  }

  /** The buffer, with room for `bytes` more after `written`. */
  room(bytes: number): Buffer {
    if (this.written + bytes > this.#buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.#buffer.length * 2, this.written + bytes));
      this.#buffer.copy(grown, 0, 0, this.written);
      this.#buffer = grown;
    }
    return this.#buffer;
  }

  text(text: string): void {
    // Three bytes per UTF-16 unit is the most UTF-8 takes.
    this.written += this.room(text.length * 3).write(text, this.written, 'utf8');
  }

  /** The bytes written, in a buffer of their own. */
  bytes(): Buffer {
    return this.#buffer.subarray(0, this.written);
  }
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
