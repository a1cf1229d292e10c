import { serveJobs } from '../workers/serve-jobs.js';
import { screenOptionsFromShared } from '../workers/shared-screen-options.js';
import type { NdjsonBatch, NdjsonBatchAnswer, NdjsonWorkerSetup } from './check-workers.js';
import { NdjsonLineScreener } from './check-stream.js';
import { screenNdjsonBatch } from './screen-ndjson-batch.js';

/** Spare output buffers a worker keeps at most; more would only hold memory no batch needs. */
const MOST_SPARES = 64;

/** A `check --ndjson` worker thread: screens the batches of lines the calling thread reads, one at a time. */
await serveJobs<NdjsonBatch, NdjsonBatchAnswer>(async (data) => {
  const setup = data as NdjsonWorkerSetup;
  const screener = new NdjsonLineScreener(await screenOptionsFromShared(setup.screen));
  // Output buffers the calling thread has written and handed back, filled again rather than left to the collector.
  const spares: ArrayBuffer[] = [];
  return ({ bytes, firstLine, spareBuffers }) => {
    for (const spare of spareBuffers) if (spares.length < MOST_SPARES) spares.push(spare);
    const answer = screenNdjsonBatch(screener, bytes, firstLine, spares);
    return { result: answer, transfer: answer.output.map((batch) => batch.buffer) };
  };
});
