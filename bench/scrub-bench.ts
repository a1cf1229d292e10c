import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/run-cli.js';
import { seededRandom } from '../src/core/seeded-random.js';
import { generateDownloads } from '../src/registry-store/generate-downloads.js';
import { importDownloads } from '../src/registry-store/import-downloads.js';
import { writeStoreAtomically } from '../src/registry-store/write-store.js';
import { nationalNumber } from './check-requests.js';
import { peakResidentMb } from './peak-resident.js';

export interface ScrubBenchResult {
  readonly rows: number;
  /** Each round, by its worker count, in the order run: wall time and the peak memory of its process. */
  readonly runs: readonly ScrubRound[];
  /** Numbers in the registry store the list is scrubbed against. */
  readonly registryNumbers: number;
}

export interface ScrubRound {
  readonly workers: number;
  readonly seconds: number;
  readonly peakRssMb: number;
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
    for (let round = 0; round < rounds; round++) {
      for (const count of workers) {
        const output = execFileSync(process.execPath, [here, list, join(dir, 'context.json'), String(count), String(rows)], { encoding: 'utf8' });
        runs.push(JSON.parse(output.trim().split('\n').at(-1)!) as ScrubRound);
      }
    }
    return { rows, runs, registryNumbers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One round, in this process: `dialsim scrub LIST` on `workers` threads, timed from the command's start to its end. */
async function scrubRound(list: string, context: string, workers: number, rows: number): Promise<ScrubRound> {
  let lines = 0;
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
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
  return { workers, seconds, peakRssMb: peakResidentMb() };
}

if (process.argv[1] === here) {
  const [list, context, workers, rows] = process.argv.slice(2) as [string, string, string, string];
  process.stdout.write(`${JSON.stringify(await scrubRound(list, context, Number(workers), Number(rows)))}\n`);
}
