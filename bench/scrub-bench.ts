import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { fileChunks } from '../src/cli/file-chunks.js';
import { OutputBatches } from '../src/cli/output-batches.js';
import { runCli } from '../src/cli/run-cli.js';
import { seededRandom } from '../src/core/seeded-random.js';
import { generateDownloads } from '../src/registry-store/generate-downloads.js';
import { importDownloads } from '../src/registry-store/import-downloads.js';
import { writeStoreAtomically } from '../src/registry-store/write-store.js';
import { CsvRecordReader } from '../src/scrub/csv-records.js';
import { nationalNumber } from './check-requests.js';
import { peakResidentMb } from './peak-resident.js';

export interface ScrubBenchResult {
  readonly rows: number;
  /** Each round, by its worker count, in the order run: wall time and the peak memory of its process. */
  readonly runs: readonly ScrubRound[];
  /** The floor's rounds (`floorRound`), one after each round of every worker count. */
  readonly floorRuns: readonly ScrubRound[];
  /** Numbers in the registry store the list is scrubbed against. */
  readonly registryNumbers: number;
}

export interface ScrubRound {
  /** 0 for a floor round. */
  readonly workers: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  /** What it wrote: the floor writes as many bytes as the scrub did. */
  readonly outputBytes: number;
}

const here = fileURLToPath(import.meta.url);

const STATES = ['CO', 'NY', 'TX', 'CA', 'FL', 'IL', ''];
const LINE_TYPES = ['Yes', 'No', ''];

/**
 * A CRM-style export, generated as it is read: a quoted name with a comma, a phone in one of three formats, a
 * state, a yes/no mobile column and a note; some numbers are on the registry.
 */
function* crmExport(rows: number, seed: number, listed: readonly string[]): Generator<string> {
  const random = seededRandom(seed);
  yield 'Contact ID,Full Name,Phone Number,State,Mobile?,Notes\r\n';
  for (let start = 0; start < rows; start += 1000) {
    let chunk = '';
    for (let index = start; index < Math.min(rows, start + 1000); index++) {
      const digits = random() < 0.2 ? listed[Math.floor(random() * listed.length)]! : nationalNumber(random);
      const phone = index % 3 === 0 ? `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` : index % 3 === 1 ? `+1${digits}` : digits;
      chunk += `${index},"Lead, No. ${index}",${phone},${STATES[index % STATES.length]},${LINE_TYPES[index % LINE_TYPES.length]},called ${index % 5} times\r\n`;
    }
    yield chunk;
  }
}

/**
 * `dialsim scrub` end to end: a CRM export written to a file first (not timed), then scrubbed the way a user does it,
 * `dialsim scrub leads.csv` with the whole CLI path (the context file loaded, the registry store opened, the header
 * mapped, screening in dnc-only mode, spreadsheet-safe CSV out) into a sink that only counts. Each round runs in a
 * process of its own, so that its time and peak memory are its own and not the bench's (which generated and
 * imported the registry); `rounds` rounds for each worker count in `workers`, alternating.
 */
export async function runScrubBench(rows: number, registryNumbers: number, seed: number, workers: readonly number[], rounds: number): Promise<ScrubBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'dialsim-scrub-bench-'));
  try {
    // The national registry as a seller keeps it at scale: a store imported from FTC-style downloads, dated nine
    // days before the calls; a fifth of the list's rows are numbers sampled from the downloads.
    const { files } = generateDownloads(join(dir, 'ftc'), { numbers: registryNumbers, seed, date: '2026-03-01' });
    const { bytes } = await importDownloads(files, { createdBy: 'dialsim bench' });
    writeStoreAtomically(join(dir, 'registry.dnc'), bytes);
    const random = seededRandom(seed ^ 0x5c4b);
    const listed: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (let taken = 0; taken < 40 && text.length >= 12; taken++) {
        const at = Math.floor(random() * (text.length / 12)) * 12;
        listed.push(text.slice(at, at + 3) + text.slice(at + 4, at + 11));
      }
    }
    rmSync(join(dir, 'ftc'), { recursive: true, force: true });
    writeFileSync(join(dir, 'context.json'), JSON.stringify({ registries: { national: { store: 'registry.dnc' }, internal: { numbers: [] } } }));
    const list = join(dir, 'leads.csv');
    const out = createWriteStream(list);
    for (const chunk of crmExport(rows, seed, listed)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'close');
    const runs: ScrubRound[] = [];
    const floorRuns: ScrubRound[] = [];
    const child = (args: string[]): ScrubRound => JSON.parse(execFileSync(process.execPath, [here, ...args], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as ScrubRound;
    for (let round = 0; round < rounds; round++) {
      for (const count of workers) runs.push(child([list, join(dir, 'context.json'), String(count), String(rows)]));
      floorRuns.push(child(['floor', list, String(rows), String(runs[0]!.outputBytes)]));
    }
    return { rows, runs, floorRuns, registryNumbers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One round, in this process: `dialsim scrub LIST` on `workers` threads, timed from the command's start to its end. */
async function scrubRound(list: string, context: string, workers: number, rows: number): Promise<ScrubRound> {
  let lines = 0;
  let outputBytes = 0;
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      outputBytes += chunk.length;
      for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines++;
      done();
    },
  });
  let errors = '';
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (errors.length < 4000) errors += chunk.toString('utf8');
      done();
    },
  });
  const argv = ['scrub', list, '--seller', 'acme', '--context', context, '--dnc-only', '--at', '2026-03-10T17:00:00Z', '--map', 'lineType=Mobile?', '--values', 'lineType=yes:mobile,no:landline', '--workers', String(workers)];
  const started = process.hrtime.bigint();
  const code = await runCli(argv, { stdin: Readable.from([]), stdout, stderr });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The notes hold no line breaks, so the output has the header and one line per row. Exit 1 is expected: a
  // state given for a number of another country (a Canadian number with "NY") is an error row, as in check.
  if (code === 2 || lines !== rows + 1) throw new Error(`scrub bench: exit ${code}, ${lines} lines for ${rows} rows on ${workers} workers\n${errors}`);
  return { workers, seconds, peakRssMb: peakResidentMb(), outputBytes };
}

/**
 * The floor for the same list, in a process of its own as a round is: what any scrubber must do whatever its rules.
 * Reads the file, splits it into records with scrub's own CSV reader (the fastest there is here), and writes as many
 * bytes as the scrub wrote, a line of the same mean length per record, in the same 64 KiB batches, into a sink that
 * only counts. No registry is opened, no row screened.
 */
export async function scrubFloorRound(list: string, rows: number, scrubOutputBytes: number): Promise<ScrubRound> {
  const started = process.hrtime.bigint();
  const reader = new CsvRecordReader();
  const batches = new OutputBatches();
  const lineBytes = Math.max(1, Math.round(scrubOutputBytes / (rows + 1)));
  const line = Buffer.alloc(lineBytes, 0x78);
  line[lineBytes - 1] = 10;
  let records = 0;
  let outputBytes = 0;
  const answer = ({ records: read }: { records: readonly unknown[] }): void => {
    for (let index = 0; index < read.length; index++) batches.bytes(line, 0, lineBytes);
    records += read.length;
    for (const batch of batches.take()) outputBytes += batch.length;
  };
  // Read as `dialsim scrub FILE` reads it.
  for await (const chunk of fileChunks(list)) answer(reader.write(chunk));
  answer(await reader.end());
  for (const batch of batches.take(true)) outputBytes += batch.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (reader.failure !== undefined || records !== rows + 1) throw new Error(`scrub floor: ${records} records for ${rows} rows and a header`);
  return { workers: 0, seconds, peakRssMb: peakResidentMb(), outputBytes };
}

if (process.argv[1] === here) {
  const args = process.argv.slice(2);
  const round =
    args[0] === 'floor'
      ? await scrubFloorRound(args[1]!, Number(args[2]), Number(args[3]))
      : await scrubRound(args[0]!, args[1]!, Number(args[2]), Number(args[3]));
  process.stdout.write(`${JSON.stringify(round)}\n`);
}
