import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../src/cli/run-cli.js';
import { seededRandom } from '../src/core/seeded-random.js';
import { createNumberResolver } from '../src/resolve/phone-number.js';
import { nationalNumber } from './check-requests.js';

export interface ScrubBenchResult {
  readonly rows: number;
  readonly seconds: number;
  /** Numbers on the national registry copy the list is scrubbed against. */
  readonly registryNumbers: number;
}

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
 * `dialsim scrub` end to end, in process: CSV in on standard input, the whole CLI path (context file loading,
 * header mapping, screening in dnc-only mode, spreadsheet-safe CSV out) into a sink that only counts.
 */
export async function runScrubBench(rows: number, registryNumbers: number, seed: number): Promise<ScrubBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'dialsim-scrub-bench-'));
  try {
    const random = seededRandom(seed ^ 0x5c4b);
    // A registry file lists only valid numbers (an invalid line is an error), so generated ones are checked first.
    const valid = createNumberResolver();
    const listed: string[] = [];
    while (listed.length < registryNumbers) {
      const number = nationalNumber(random);
      if (valid(number).e164 !== null) listed.push(number);
    }
    writeFileSync(join(dir, 'national.txt'), `${listed.join('\n')}\n`);
    writeFileSync(join(dir, 'context.json'), JSON.stringify({ registries: { national: { syncedAt: '2026-03-01', file: 'national.txt' }, internal: { numbers: [] } } }));
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
    const argv = ['scrub', '-', '--seller', 'acme', '--context', join(dir, 'context.json'), '--dnc-only', '--at', '2026-03-10T17:00:00Z', '--map', 'lineType=Mobile?', '--values', 'lineType=yes:mobile,no:landline'];
    const started = process.hrtime.bigint();
    const code = await runCli(argv, { stdin: Readable.from(crmExport(rows, seed, listed)), stdout, stderr });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The notes hold no line breaks, so the output has the header and one line per row. Exit 1 is expected: a
    // state given for a number of another country (a Canadian number with "NY") is an error row, as in check.
    if (code === 2 || lines !== rows + 1) throw new Error(`scrub bench: exit ${code}, ${lines} lines for ${rows} rows\n${errors}`);
    return { rows, seconds, registryNumbers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
