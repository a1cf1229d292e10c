import { screenNdjsonStream } from '../src/cli/check-stream.js';
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

/** Shared registries of a realistic size for one seller: 200,000 national entries, 5,000 internal ones. */
export function benchRegistries(seed: number): { context: RegistryContext; national: string[]; internal: string[] } {
  const random = seededRandom(seed ^ 0x5eed);
  const national = Array.from({ length: 200_000 }, () => nationalNumber(random));
  const internal = Array.from({ length: 5_000 }, () => nationalNumber(random));
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
  const counts = await screenNdjsonStream(chunks, (chunk) => void (outputBytes += chunk.length), { registries: context, strategy });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (counts.malformed > 0 || counts.answered !== count || outputBytes === 0) {
    throw new Error(`bench requests were not all answered: ${JSON.stringify(counts)}`);
  }
  const generationStarted = process.hrtime.bigint();
  let generatedBytes = 0;
  for await (const chunk of checkRequestChunks({ count, seed, nationalListed: national, internalListed: internal })) generatedBytes += chunk.length;
  const generationSeconds = Number(process.hrtime.bigint() - generationStarted) / 1e9;
  if (generatedBytes === 0) throw new Error('bench generated no requests');
  return { decisions: counts.answered, seconds, generationSeconds };
}

export { createCachedStrategy, directStrategy };
