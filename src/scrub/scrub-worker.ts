import { serveJobs } from '../workers/serve-jobs.js';
import { screenOptionsFromShared } from '../workers/shared-screen-options.js';
import { screenBatch, type EncodedBatch } from './encoded-batch.js';
import { RowScreener } from './scrub-list.js';
import type { RowBatch, ScrubWorkerSetup } from './scrub-workers.js';

/** A `scrub` worker thread: screens the batches of rows the calling thread reads, one at a time. */
await serveJobs<RowBatch, EncodedBatch>(async (data) => {
  const setup = data as ScrubWorkerSetup;
  const screener = new RowScreener(setup.header, { ...setup.settings, screen: await screenOptionsFromShared(setup.screen) });
  return ({ rows, firstRow }) => {
    const { batch, transfer } = screenBatch(screener, rows, firstRow);
    return { result: batch, transfer };
  };
});
