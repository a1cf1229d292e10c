import type { ScreenOptions } from '../engine/screen.js';
import { AnswersInOrder } from '../workers/answers-in-order.js';
import { screenOptionsShareable, shareScreenOptions, type SharedScreenOptions } from '../workers/shared-screen-options.js';
import { compiledWorkerScript } from '../workers/worker-scripts.js';
import { WorkersAlongside } from '../workers/workers-alongside.js';
import { NdjsonLineScreener, screenNdjsonStream, type NdjsonCounts } from './check-stream.js';
import { inputPauses } from './input-pause.js';
import { screenNdjsonBatch } from './screen-ndjson-batch.js';

/** How a worker thread is set up for `check --ndjson`: the options as the calling thread has them. */
export interface NdjsonWorkerSetup {
  readonly screen: SharedScreenOptions;
}

/** Whole lines of input, in UTF-8, and the number of the first; output buffers written already, to fill again. */
export interface NdjsonBatch {
  readonly bytes: Uint8Array;
  readonly firstLine: number;
  readonly spareBuffers: readonly ArrayBuffer[];
}

/** The batch's output, in buffers each starting with its first `length` bytes used, and its counts. */
export interface NdjsonBatchAnswer extends NdjsonCounts {
  readonly output: readonly { readonly buffer: ArrayBuffer; readonly length: number }[];
}

/**
 * Where the output goes; `written`, when the writer calls it, says the chunk's memory may be filled again. The
 * workers' output buffers then go back to them, rather than piling up here: this thread allocates so little that its
 * collector runs rarely, and a stream's worth of answered batches would wait for it.
 */
export type NdjsonOutput = (chunk: Buffer, written?: () => void) => void | Promise<void>;

export interface NdjsonWorkerOptions {
  /** Threads screening at once; 1 screens in the calling thread. */
  readonly workers: number;
  /** The `--policy` modules the options' `custom` packs were loaded from, for the workers to load too. */
  readonly policyModules?: readonly string[];
  /** Told why, when the worker threads cannot start: the calling thread then screens every line itself. */
  readonly onWorkersUnavailable?: (reason: string) => void;
  /**
   * Whether every answer so far is written when the input pauses (default true), for a caller that waits for each
   * answer before its next request. False for a regular file, which waits on nobody: a slow read of one does not
   * cut the output into small writes or hold the workers back.
   */
  readonly answerOnPause?: boolean;
}

/**
 * Input is handed to workers in batches of whole lines of about this many bytes: large enough that passing a batch
 * costs little beside screening it (about a thousand requests), small enough that the workers start at once.
 */
const BATCH_BYTES = 256 * 1024;
/**
 * Written output buffers handed back to a worker with each batch: more than one batch's output fills (a 256 kB batch
 * of requests answers in about 1.3 MB, 20 buffers). At most this many per batch in flight are kept here; the rest are
 * left to the collector.
 */
const SPARES_PER_BATCH = 32;
/**
 * Batches answered or being screened, per thread, before the oldest answer must be written: enough that this thread
 * seldom waits for a worker's answer when it could screen, few enough to bound the answers held.
 */
const BATCHES_IN_FLIGHT_PER_THREAD = 4;
const LINE_FEED = 0x0a;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/**
 * `dialsim check --ndjson` over `workers` threads: this one and `workers - 1` worker threads. This thread reads the
 * input and cuts it into batches of whole lines; a batch goes to a worker thread while they have fewer than two each
 * to screen, and is screened here otherwise, so that this thread's time between reads and writes is not left idle
 * and one engine fewer is held in memory. The answers are written in input order, so the output, line numbers and
 * error lines are exactly those of one thread. The registries are shared, not copied: each worker reads the same
 * SharedArrayBuffers. An input shorter than one batch, or a run from the TypeScript sources, is screened in this
 * thread alone, where starting workers would cost more than it saves; so is everything when the workers cannot
 * start (a `--policy` module that refuses to load in one, say), and `onWorkersUnavailable` is told why.
 */
export async function screenNdjson(input: AsyncIterable<string | Buffer>, output: NdjsonOutput, options: ScreenOptions, { workers, policyModules, onWorkersUnavailable, answerOnPause = true }: NdjsonWorkerOptions): Promise<NdjsonCounts> {
  if (workers <= 1 || !screenOptionsShareable(options, policyModules)) return screenNdjsonStream(input, output, options, { answerOnPause });
  const script = compiledWorkerScript(import.meta.url, 'check-worker', { bundled: policyModules === undefined });
  if (script === undefined) return screenNdjsonStream(input, output, options, { answerOnPause });

  // Input is held until a batch is full (or the input pauses): a short input never starts a worker.
  let parts: Buffer[] = [];
  let partsBytes = 0;
  // Started once the input has given a batch, and not waited for: this thread screens batches while the workers
  // start, and all of them if the workers cannot start.
  let alongside: WorkersAlongside<NdjsonBatch, NdjsonBatchAnswer> | undefined;
  const screenHere = new NdjsonLineScreener(options);
  const counts: NdjsonCounts = { answered: 0, malformed: 0 };
  const spareBuffers: ArrayBuffer[] = [];
  const answers = new AnswersInOrder<NdjsonBatchAnswer>(workers * BATCHES_IN_FLIGHT_PER_THREAD, async (answer) => {
    counts.answered += answer.answered;
    counts.malformed += answer.malformed;
    const recycle = (buffer: ArrayBuffer) => {
      if (spareBuffers.length < SPARES_PER_BATCH * workers * 2) spareBuffers.push(buffer);
    };
    for (const { buffer, length } of answer.output) await output(Buffer.from(buffer, 0, length), () => recycle(buffer));
  });
  let nextLine = 1;
  let dispatched = false;
  let bytesRead = 0;
  // The workers start once the input has given more than a batch, whether its batches filled or it paused between
  // them: an input that long is worth them, and one that stays shorter never starts them.
  const startWorkersOnce = (): void => {
    if (alongside !== undefined || bytesRead < BATCH_BYTES) return;
    alongside = new WorkersAlongside(script, workers - 1, (): NdjsonWorkerSetup => ({ screen: shareScreenOptions(options, policyModules) }), onWorkersUnavailable);
  };
  /** Hands out a batch of whole lines: to a worker thread while they have fewer than two each, else screened here. */
  const dispatch = async (bytes: Buffer): Promise<void> => {
    // A byte-order mark from a Windows editor is not part of the first request.
    if (!dispatched && BYTE_ORDER_MARK.every((byte, index) => bytes[index] === byte)) bytes = bytes.subarray(BYTE_ORDER_MARK.length);
    dispatched = true;
    const firstLine = nextLine;
    nextLine += lineFeeds(bytes);
    const pool = alongside?.withRoom();
    if (pool !== undefined) {
      const spares = spareBuffers.splice(0, SPARES_PER_BATCH);
      await answers.add(pool.run({ bytes, firstLine, spareBuffers: spares }, [bytes.buffer as ArrayBuffer, ...spares]));
    } else {
      await answers.add(Promise.resolve(screenNdjsonBatch(screenHere, bytes, firstLine, spareBuffers)));
    }
  };

  // When the input pauses (a caller waiting for an answer before its next request), the whole lines held are
  // screened and every answer is written, rather than waiting for a batch to fill.
  const answerHeldLines = async (): Promise<void> => {
    const held = ownBuffer(parts, partsBytes);
    const end = held.lastIndexOf(LINE_FEED);
    if (end !== -1) {
      // The unfinished line is copied out first: the batch's memory may be handed to a worker.
      const tail = Buffer.from(held.subarray(end + 1));
      parts = tail.length > 0 ? [tail] : [];
      partsBytes = tail.length;
      await dispatch(held.subarray(0, end + 1));
    }
    await answers.drain();
  };
  const chunks = input[Symbol.asyncIterator]();
  try {
    for (;;) {
      const pending = chunks.next();
      if (answerOnPause && (await inputPauses(pending))) await answerHeldLines();
      let next: IteratorResult<string | Buffer>;
      try {
        next = await pending;
      } catch (error) {
        // An input that cannot be read on: as with one thread, every whole line read so far is answered and written
        // before the error is told, and the unfinished line is not guessed at.
        if (!dispatched) return await screenNdjsonStream(replay(parts, error), output, options, { answerOnPause });
        const whole = wholeLines(parts, partsBytes);
        if (whole !== undefined) await dispatch(whole);
        await answers.drain();
        throw error;
      }
      if (next.done === true) break;
      const read = next.value;
      const chunk = typeof read === 'string' ? Buffer.from(read, 'utf8') : read;
      parts.push(chunk);
      partsBytes += chunk.length;
      bytesRead += chunk.length;
      startWorkersOnce();
      if (partsBytes < BATCH_BYTES) continue;
      // A batch ends at the last line feed of the newest chunk (only that one is searched, so a line longer than a
      // batch costs no rescanning); the unfinished line after it starts the next batch.
      const end = chunk.lastIndexOf(LINE_FEED);
      if (end === -1) continue;
      const tail = chunk.subarray(end + 1);
      parts[parts.length - 1] = chunk.subarray(0, end + 1);
      await dispatch(ownBuffer(parts, partsBytes - tail.length));
      parts = tail.length > 0 ? [tail] : [];
      partsBytes = tail.length;
    }
    if (!dispatched) return await screenNdjsonStream(replay(parts), output, options, { answerOnPause });
    if (partsBytes > 0) await dispatch(ownBuffer(parts, partsBytes));
    await answers.drain();
    return counts;
  } finally {
    // Also when writing fails half way (a closed pipe): no worker is left running, and no answer is left to reject unheard.
    const abandoned = answers.abandon();
    await alongside?.close();
    await abandoned;
  }
}

/** The chunks held, then the error that ended the input, if one did: as the input itself would have given them. */
async function* replay(chunks: readonly Buffer[], error?: unknown): AsyncIterable<Buffer> {
  yield* chunks;
  if (error !== undefined) throw error;
}

/** The parts up to their last line feed, in a buffer of their own; undefined when they hold no whole line. */
function wholeLines(parts: readonly Buffer[], bytes: number): Buffer | undefined {
  const held = ownBuffer(parts, bytes);
  const end = held.lastIndexOf(LINE_FEED);
  return end === -1 ? undefined : held.subarray(0, end + 1);
}

/**
 * The parts copied into a buffer of their own, never a slice of Node's shared pool (which `Buffer.concat` may
 * return): it is handed to a worker whole, leaving nothing behind here.
 */
function ownBuffer(parts: readonly Buffer[], bytes: number): Buffer {
  const whole = Buffer.allocUnsafeSlow(bytes);
  let at = 0;
  for (const part of parts) at += part.copy(whole, at);
  return whole;
}

function lineFeeds(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(LINE_FEED); at !== -1; at = bytes.indexOf(LINE_FEED, at + 1)) count++;
  return count;
}
