import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { screenNdjson } from '../src/cli/check-workers.js';
import { commandInput } from '../src/cli/file-chunks.js';
import { benchRegistries } from './check-bench.js';
import { checkRequestChunks } from './check-requests.js';
import { peakResidentMb } from './peak-resident.js';

const here = fileURLToPath(import.meta.url);

export interface WorkersRound {
  readonly workers: number;
  readonly decisionsPerSecond: number;
  readonly peakRssMb: number;
}

/**
 * The bench's requests written to a file once, as `dialsim check --ndjson FILE` reads them: generating them while
 * the workers screen would take a core from them, and a million of them held in memory would be most of the peak.
 */
export async function writeRequestFile(count: number, seed: number): Promise<{ file: string; remove(): void }> {
  const folder = mkdtempSync(join(tmpdir(), 'dialsim-bench-workers-'));
  const file = join(folder, 'requests.ndjson');
  const { national, internal } = benchRegistries(seed);
  const out = createWriteStream(file);
  for await (const chunk of checkRequestChunks({ count, seed, nationalListed: national, internalListed: internal })) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return { file, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * One round of `check --ndjson --workers N` over the file, in a process of its own, so that its peak memory (the
 * calling thread's and every worker's) is its own.
 */
export function runWorkersRound(file: string, workers: number, seed: number): WorkersRound {
  const output = execFileSync(process.execPath, [here, file, String(workers), String(seed)], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1)!) as WorkersRound;
}

async function workersChild(file: string, workers: number, seed: number): Promise<WorkersRound> {
  const { context } = benchRegistries(seed);
  let outputBytes = 0;
  const started = process.hrtime.bigint();
  const counts = await screenNdjson(
    // Read as `dialsim check --ndjson FILE` reads it.
    // (Standard input only if it were asked for: the getter makes a stream of it.)
    commandInput(file, { get stdin() { return process.stdin; } }, { threads: workers }),
    (chunk, written) => {
      outputBytes += chunk.length;
      written?.();
    },
    { registries: context },
    // A file, as `dialsim check --ndjson FILE` reads one: no flush when a read is slow.
    { workers, answerOnPause: false },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (counts.malformed > 0 || counts.answered === 0 || outputBytes === 0) throw new Error(`bench requests were not all answered: ${JSON.stringify(counts)}`);
  return { workers, decisionsPerSecond: counts.answered / seconds, peakRssMb: peakResidentMb() };
}

if (process.argv[1] === here) {
  const [file, workers, seed] = process.argv.slice(2) as [string, string, string];
  process.stdout.write(`${JSON.stringify(await workersChild(file, Number(workers), Number(seed)))}\n`);
}
