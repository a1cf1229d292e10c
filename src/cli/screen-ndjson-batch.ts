import type { NdjsonLineScreener } from './check-stream.js';
import type { NdjsonBatchAnswer } from './check-workers.js';
import { OUTPUT_BATCH_BYTES, OutputBatches } from './output-batches.js';

/**
 * One batch of `check --ndjson` lines screened into output buffers: a worker thread's job, and the calling
 * thread's when it screens a batch itself, so that both answer in the same bytes. `spares` are written output
 * buffers to fill again before new ones are allocated; the answer's buffers are whole, ready to transfer.
 */
export function screenNdjsonBatch(screener: NdjsonLineScreener, bytes: Uint8Array, firstLine: number, spares: ArrayBuffer[]): NdjsonBatchAnswer {
  const counts = { answered: 0, malformed: 0 };
  const batches = new OutputBatches(OUTPUT_BATCH_BYTES, spares);
  screener.lines(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), firstLine, batches, counts);
  const output = batches.take(true).map((batch) => ({ buffer: batch.buffer as ArrayBuffer, length: batch.byteLength }));
  return { output, ...counts };
}
