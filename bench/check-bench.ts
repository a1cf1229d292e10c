import { screenNdjsonStream, screenRequestText } from '../src/cli/check-stream.js';
import { decisionForOutput } from '../src/cli/decision-output.js';
import { OutputBatches } from '../src/cli/output-batches.js';
import { InMemoryRegistry, type RegistryContext } from '../src/resolve/registry.js';
import { createCachedStrategy, directStrategy, type ResolutionStrategy } from '../src/resolve/resolve-attempt.js';
import { checkRequestChunks, nationalNumber, REGISTRY_SYNCED_AT } from './check-requests.js';
import { seededRandom } from '../src/core/seeded-random.js';

export interface CheckBenchRound {
  readonly decisions: number;
  /** Wall time of the whole round, generating the requests included. */
  readonly seconds: number;
  /** Wall time of generating the same requests alone, measured right after. */
  readonly generationSeconds: number;
}

/** The numbers on the bench's shared registries, which the requests draw some of their numbers from. */
function benchNumbers(seed: number): { national: string[]; internal: string[] } {
  const random = seededRandom(seed ^ 0x5eed);
  const national = Array.from({ length: 200_000 }, () => nationalNumber(random));
  const internal = Array.from({ length: 5_000 }, () => nationalNumber(random));
  return { national, internal };
}

type BenchRegistries = { context: RegistryContext; national: string[]; internal: string[] };
/** The last seed's registries: a round and its baseline share them, and building them twice only raised peak memory. */
let lastRegistries: { seed: number; registries: BenchRegistries } | undefined;

/** Shared registries of a realistic size for one seller: 200,000 national entries, 5,000 internal ones. */
export function benchRegistries(seed: number): BenchRegistries {
  if (lastRegistries?.seed !== seed) lastRegistries = { seed, registries: buildRegistries(seed) };
  return lastRegistries.registries;
}

function buildRegistries(seed: number): BenchRegistries {
  const { national, internal } = benchNumbers(seed);
  return {
    national,
    internal,
    context: {
      national: { syncedAt: REGISTRY_SYNCED_AT, numbers: new InMemoryRegistry(national.map((n) => `+1${n}`)) },
      internal: { numbers: new InMemoryRegistry(internal.map((n) => `+1${n}`)) },
    },
  };
}

/**
 * Screens `count` generated requests through `screenNdjsonStream`, the code path of `dialsim check --ndjson`,
 * into a sink that only counts. The requests are generated as the stream is read (a million of them would not fit
 * the memory target), so generating the same requests alone is timed too and reported, to be subtracted.
 */
export async function runCheckRound(count: number, seed: number, strategy: ResolutionStrategy): Promise<CheckBenchRound> {
  const { context, national, internal } = benchRegistries(seed);
  const chunks = checkRequestChunks({ count, seed, nationalListed: national, internalListed: internal });
  let outputBytes = 0;
  const started = process.hrtime.bigint();
  // As `dialsim check --ndjson FILE` reads a file: no flush when the next chunk is slow to come.
  const counts = await screenNdjsonStream(chunks, (chunk) => void (outputBytes += chunk.length), { registries: context, strategy }, { answerOnPause: false });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (counts.malformed > 0 || counts.answered !== count || outputBytes === 0) {
    throw new Error(`bench requests were not all answered: ${JSON.stringify(counts)}`);
  }
  return { decisions: counts.answered, seconds, generationSeconds: await generationSeconds(count, seed, national, internal) };
}

/** Wall time of generating the same requests alone, to be subtracted from a round's. */
async function generationSeconds(count: number, seed: number, national: string[], internal: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  let generatedBytes = 0;
  for await (const chunk of checkRequestChunks({ count, seed, nationalListed: national, internalListed: internal })) generatedBytes += chunk.length;
  if (generatedBytes === 0) throw new Error('bench generated no requests');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Decisions sampled from screening the bench's own requests: what the floor writes, so its output is as large. */
export async function sampleDecisions(seed: number, count = 2_000): Promise<unknown[]> {
  const { context, national, internal } = benchRegistries(seed);
  const decisions: unknown[] = [];
  for await (const chunk of checkRequestChunks({ count, seed, nationalListed: national, internalListed: internal })) {
    for (const line of chunk.split('\n')) {
      if (line === '') continue;
      const result = screenRequestText(line, { registries: context });
      if (!('decision' in result)) throw new Error(`bench request was not answered: ${result.error}`);
      decisions.push(decisionForOutput(result.decision));
    }
  }
  return decisions;
}

/**
 * The floor for the same input: what any engine must do whatever its rules. Reads the same generated requests,
 * splits the lines, `JSON.parse`s each, `JSON.stringify`s a decision of the same size (one of `decisions`, in
 * turn) and writes it as UTF-8 in the same 64 KiB batches to the same counting sink. Screening cannot be faster than this.
 */
export async function runFloorRound(count: number, seed: number, decisions: readonly unknown[]): Promise<CheckBenchRound> {
  const { national, internal } = benchRegistries(seed);
  let outputBytes = 0;
  let parsed = 0;
  const started = process.hrtime.bigint();
  const batches = new OutputBatches();
  let pending = '';
  for await (const chunk of checkRequestChunks({ count, seed, nationalListed: national, internalListed: internal })) {
    const text = pending === '' ? chunk : pending + chunk;
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      const request = JSON.parse(text.slice(start, newline)) as { to?: unknown };
      if (request.to !== undefined) parsed++;
      batches.line(JSON.stringify(decisions[parsed % decisions.length]));
      start = newline + 1;
    }
    pending = text.slice(start);
    for (const batch of batches.take()) outputBytes += batch.length;
  }
  for (const batch of batches.take(true)) outputBytes += batch.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (parsed !== count || outputBytes === 0) throw new Error(`floor read ${parsed} of ${count} requests`);
  return { decisions: parsed, seconds, generationSeconds: await generationSeconds(count, seed, national, internal) };
}

export { createCachedStrategy, directStrategy };
