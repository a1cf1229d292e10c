import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { parseCheckRequest } from '../src/core/check-request.js';
import { decisionForOutput, writeDecisionLine } from '../src/cli/decision-output.js';
import { OutputBatches } from '../src/cli/output-batches.js';
import { fastCheckRequest } from '../src/core/fast-check-request.js';
import { InputError } from '../src/core/input-error.js';
import { seededRandom } from '../src/core/seeded-random.js';
import { screen } from '../src/engine/screen.js';
import { benchRegistries } from './check-bench.js';
import { checkRequestChunks } from './check-requests.js';
import { nearMisses, type Json } from './near-miss-requests.js';

/**
 * `node dist/bench/check-fast-path-audit.js [--requests N] [--misses M] [--seed S]`: the one-off check that the
 * fast path (src/core/fast-check-request.ts) answers as zod does over the bench's generated requests and, for each,
 * M near misses drawn at random (a field removed, of a wrong type or value, an extra field). Wherever the fast path
 * answers, its attempt must deep-equal zod's and the decisions on the two must be identical; where zod refuses, the
 * fast path must stand aside. Every decision (the reference attempt's) is also written by `writeDecisionLine`, the
 * stream's output path, whose bytes must be JSON.stringify's of the output decision. Prints the counts as one JSON
 * line and exits 1 on any mismatch.
 */

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '250000' },
    misses: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20261201' },
  },
});
const requests = Number(values.requests);
const missesPerRequest = Number(values.misses);
const seed = Number(values.seed);

type Outcome = { attempt: ReturnType<typeof parseCheckRequest> } | { problems: unknown };

function referenceOf(value: unknown): Outcome {
  try {
    return { attempt: parseCheckRequest(value) };
  } catch (error) {
    if (error instanceof InputError) return { problems: error.problems };
    throw error;
  }
}

const { context, national, internal } = benchRegistries(seed);
const options = { registries: context };
const decisionOf = (attempt: ReturnType<typeof parseCheckRequest>) => {
  try {
    return screen(attempt, options);
  } catch (error) {
    if (error instanceof InputError) return { problems: error.problems };
    throw error;
  }
};
const random = seededRandom(seed ^ 0xa0d17);
const pick = (count: number) => Math.floor(random() * count);
const counts = { compared: 0, fast: 0, reference: 0, generated: 0, nearMisses: 0, mismatches: 0, outputsCompared: 0, outputMismatches: 0 };
const batches = new OutputBatches();

/** Whether the stream's output path writes the decision as JSON.stringify does. */
function writtenAsReference(decision: ReturnType<typeof screen>): boolean {
  writeDecisionLine(decision, batches);
  const written = Buffer.concat(batches.take(true)).toString('utf8');
  return written === `${JSON.stringify(decisionForOutput(decision))}\n`;
}
const firstMismatches: unknown[] = [];

function audit(value: Json): void {
  counts.compared++;
  const fast = fastCheckRequest(value);
  const reference = referenceOf(value);
  if ('attempt' in reference) {
    const decision = decisionOf(reference.attempt);
    if (!('problems' in decision)) {
      counts.outputsCompared++;
      if (!writtenAsReference(decision)) {
        counts.outputMismatches++;
        if (firstMismatches.length < 5) firstMismatches.push({ output: value });
      }
    }
  }
  if (fast === undefined) {
    counts.reference++;
    return;
  }
  counts.fast++;
  const same = 'attempt' in reference && isDeepStrictEqual(fast, reference.attempt) && isDeepStrictEqual(decisionOf(fast), decisionOf(reference.attempt));
  if (!same) {
    counts.mismatches++;
    if (firstMismatches.length < 5) firstMismatches.push(value);
  }
}

for await (const chunk of checkRequestChunks({ count: requests, seed, nationalListed: national, internalListed: internal })) {
  for (const line of chunk.split('\n')) {
    if (line === '') continue;
    const value = JSON.parse(line) as Json;
    counts.generated++;
    audit(value);
    const misses = nearMisses(value, pick);
    for (let drawn = 0; drawn < missesPerRequest; drawn++) {
      counts.nearMisses++;
      audit(misses[pick(misses.length)]!);
    }
  }
}

process.stdout.write(`${JSON.stringify({ ...counts, ...(firstMismatches.length > 0 && { firstMismatches }) })}\n`);
process.exitCode = counts.mismatches === 0 && counts.outputMismatches === 0 ? 0 : 1;
