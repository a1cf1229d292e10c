import { parseArgs } from 'node:util';
import { createCachedStrategy, directStrategy, runCheckRound, runFloorRound, sampleDecisions } from './check-bench.js';
import { runCampaignBench, runCampaignFloor } from './campaign-bench.js';
import { runScrubBench } from './scrub-bench.js';
import { runWorkersRound, writeRequestFile } from './check-workers-bench.js';
import { availableParallelism } from 'node:os';
import { LifecycleStepper } from '../src/lifecycle/transitions.js';
import { cleanUpRegistryBench, prepareRegistryBench, runRegistryChild, type RegistryBenchLine } from './registry-bench.js';
import { peakResidentMb } from './peak-resident.js';

/**
 * `npm run bench`: the benchmarks, each beside its baseline run in the same process where it has one.
 * - check-ndjson: 1,000,000 varied, seeded requests through the `dialsim check --ndjson` code path; baseline: a
 *   libphonenumber parse and a luxon conversion per call; floor: the same input read, split, parsed, answered with
 *   same-size decisions by JSON.stringify and written, which no screener can beat. Medians over rounds.
 * - campaign-predictive: 1,000,000 leads, 200 agents, predictive mode, through the policies and the lifecycle
 *   machine, audit log written to a file; baseline: xstate's transition() asked for every step (no cache). Then
 *   `--paired-leads` (100,000) leads in turns with the log written directly and through JSON.stringify, medians
 *   over `--rounds`, the two logs checked byte-identical. Floor: the same leads generated and a log of the same
 *   size written, with nothing dialed, screened or serialized.
 * - scrub, scrub-workers: a generated CRM export of 300,000 rows, written to a file, through `dialsim scrub
 *   --dnc-only` (CSV in, CSV out) against a registry store of BENCH_REGISTRY_NUMBERS numbers (default 20 million),
 *   on one worker and on `--workers` in turns, each round in a process of its own; medians over `--rounds` (the
 *   one-worker rounds are the baseline); `--scrub-rows`, `--scrub-numbers` change them. Floor: the same file read
 *   and split into records by scrub's own reader, and as many bytes written, in a process of its own per round.
 * - registry-store, registry-sqlite, registry-set: the national registry kept as a store, in SQLite and in a JS Set,
 *   at BENCH_REGISTRY_NUMBERS numbers (default 20 million; the registry holds 258.5 million), each in its own process.
 * - check-ndjson-workers: the same requests from a file through `check --ndjson --workers N` (`--workers`, default
 *   the machine's cores), each round in a process of its own beside a round on one worker, which is its baseline;
 *   the floor is the one-thread floor above. Peak RSS is the largest of the N-worker rounds' processes.
 * `--json` prints one JSON object per benchmark line; `--only check|campaign|scrub|registry` runs one of them.
 */

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    count: { type: 'string', default: '1000000' },
    'baseline-count': { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    leads: { type: 'string', default: '1000000' },
    'baseline-leads': { type: 'string', default: '50000' },
    'paired-leads': { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20261123' },
    'scrub-rows': { type: 'string', default: '300000' },
    'scrub-numbers': { type: 'string', default: process.env.BENCH_REGISTRY_NUMBERS ?? '20000000' },
    workers: { type: 'string', default: String(availableParallelism()) },
  },
});

const seed = Number(values.seed);

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const log = (text: string) => {
  if (!values.json) process.stderr.write(`${text}\n`);
};
const peakRssMb = peakResidentMb;
const format = (value: number) => Math.round(value).toLocaleString('en-US');

function report(line: { bench: string; ops_per_s: number; baseline_ops_per_s: number; peak_rss_mb: number; [extra: string]: number | string }, text: string): void {
  process.stdout.write(values.json ? `${JSON.stringify(line)}\n` : `${text}\n`);
}

async function checkBench(): Promise<void> {
  const count = Number(values.count);
  const baselineCount = Number(values['baseline-count']);
  const rounds = Number(values.rounds);
  // A short warm-up for each strategy, so both are measured with optimised code.
  await runCheckRound(20_000, seed + 1, createCachedStrategy());
  await runCheckRound(5_000, seed + 1, directStrategy);
  const decisions = await sampleDecisions(seed);
  await runFloorRound(20_000, seed + 1, decisions);
  const optimised: number[] = [];
  const floor: number[] = [];
  const withGeneration: number[] = [];
  const baseline: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    // A fresh cache each round: the figure includes filling it, as a real `dialsim check --ndjson` run does.
    const fast = await runCheckRound(count, seed + round, createCachedStrategy());
    optimised.push(fast.decisions / (fast.seconds - fast.generationSeconds));
    withGeneration.push(fast.decisions / fast.seconds);
    const slow = await runCheckRound(baselineCount, seed + round, directStrategy);
    baseline.push(slow.decisions / (slow.seconds - slow.generationSeconds));
    const bare = await runFloorRound(count, seed + round, decisions);
    floor.push(bare.decisions / (bare.seconds - bare.generationSeconds));
    log(
      `check round ${round}: ${format(optimised.at(-1)!)} decisions/s (${format(withGeneration.at(-1)!)}/s with request generation; ` +
        `floor ${format(floor.at(-1)!)}/s; baseline ${format(baseline.at(-1)!)}/s)`,
    );
  }
  const ops = Math.round(median(optimised));
  const floorOps = Math.round(median(floor));
  const base = Math.round(median(baseline));
  report(
    { bench: 'check-ndjson', ops_per_s: ops, floor_ops_per_s: floorOps, baseline_ops_per_s: base, peak_rss_mb: peakRssMb() },
    `check --ndjson: ${format(count)} requests x ${rounds} rounds: median ${format(ops)} decisions/s ` +
      `(${Math.round((100 * ops) / floorOps)}% of the floor, ${format(floorOps)}/s: read, split, JSON.parse, JSON.stringify, write); ` +
      `baseline ${format(base)}/s (${(ops / base).toFixed(1)}x); with request generation counted ${format(median(withGeneration))}/s; peak RSS ${peakRssMb()} MB`,
  );
  await workersBench(count, rounds, floorOps);
}

/** check --ndjson on one worker and on `--workers`, in turns, each round in its own process over the same file. */
async function workersBench(count: number, rounds: number, floorOps: number): Promise<void> {
  const workers = Number(values.workers);
  const requests = await writeRequestFile(count, seed);
  try {
    const one: number[] = [];
    const many: number[] = [];
    let peak = 0;
    for (let round = 1; round <= rounds; round++) {
      one.push(runWorkersRound(requests.file, 1, seed).decisionsPerSecond);
      const spread = runWorkersRound(requests.file, workers, seed);
      many.push(spread.decisionsPerSecond);
      peak = Math.max(peak, spread.peakRssMb);
      log(`check --workers round ${round}: ${format(many.at(-1)!)} decisions/s on ${workers} workers; ${format(one.at(-1)!)}/s on one`);
    }
    const ops = Math.round(median(many));
    const single = Math.round(median(one));
    report(
      { bench: 'check-ndjson-workers', workers, ops_per_s: ops, floor_ops_per_s: floorOps, baseline_ops_per_s: single, speedup: Number((ops / single).toFixed(2)), peak_rss_mb: peak },
      `check --ndjson --workers ${workers}: ${format(count)} requests from a file x ${rounds} rounds: median ${format(ops)} decisions/s, ` +
        `${(ops / single).toFixed(2)}x one worker (${format(single)}/s, same file, same run); one-thread floor ${format(floorOps)}/s ` +
        `(which writes its output; these rounds only count theirs); peak RSS ${peak} MB`,
    );
  } finally {
    requests.remove();
  }
}

function campaignBench(): void {
  const leads = Number(values.leads);
  const baselineLeads = Number(values['baseline-leads']);
  const baseline = runCampaignBench(baselineLeads, seed, { stepper: new LifecycleStepper({ cache: false }) });
  const baselineRate = baseline.attempts / baseline.seconds;
  log(`campaign baseline: ${format(baselineLeads)} leads, ${format(baseline.attempts)} attempts, ${format(baselineRate)} attempts/s`);
  const result = runCampaignBench(leads, seed);
  const rate = result.attempts / result.seconds;
  const floorRate = runCampaignFloor(leads, seed, result.attempts, result.auditBytes).attemptsPerSecond;
  const { summary } = result;
  log(
    `campaign: ${format(leads)} leads, ${format(result.attempts)} attempts in ${result.seconds.toFixed(1)} s, ` +
      `audit log ${format(result.auditBytes / 1e6)} MB; ${format(summary.connects)} connects, ${format(summary.abandoned)} abandoned, ` +
      `max 30-day abandonment ${(summary.abandonment.maxRollingRate * 100).toFixed(2)}%`,
  );
  // The audit log written directly and through JSON.stringify, in turns in this process (the machine's load
  // changes from minute to minute): what the direct serializer gains, and a check that both logs are the same bytes.
  const pairedLeads = Number(values['paired-leads']);
  const rounds = Number(values.rounds);
  const direct: number[] = [];
  const reference: number[] = [];
  let identical = true;
  for (let round = 1; round <= rounds; round++) {
    const withReference = runCampaignBench(pairedLeads, seed, { audit: 'reference', hashLog: round === 1 });
    const withDirect = runCampaignBench(pairedLeads, seed, { hashLog: round === 1 });
    if (withReference.auditSha256 !== withDirect.auditSha256) identical = false;
    reference.push(withReference.attempts / withReference.seconds);
    direct.push(withDirect.attempts / withDirect.seconds);
    log(`campaign round ${round} (${format(pairedLeads)} leads): direct audit log ${format(direct.at(-1)!)} attempts/s, through JSON.stringify ${format(reference.at(-1)!)}/s`);
  }
  if (!identical) throw new Error('campaign bench: the audit log written directly differs from the one written through JSON.stringify');
  const pairedDirect = Math.round(median(direct));
  const pairedReference = Math.round(median(reference));
  report(
    {
      bench: 'campaign-predictive',
      ops_per_s: Math.round(rate),
      floor_ops_per_s: Math.round(floorRate),
      baseline_ops_per_s: Math.round(baselineRate),
      paired_leads: pairedLeads,
      paired_ops_per_s: pairedDirect,
      stringify_ops_per_s: pairedReference,
      peak_rss_mb: peakRssMb(),
    },
    `campaign (predictive, 200 agents): ${format(leads)} leads: ${format(rate)} attempts/s (${Math.round((100 * rate) / floorRate)}% of the floor, ` +
      `${format(floorRate)}/s: the same leads generated and a log of the same size written); baseline ${format(baselineRate)}/s ` +
      `(${(rate / baselineRate).toFixed(1)}x); ${format(pairedLeads)} leads x ${rounds} rounds: median ${format(pairedDirect)}/s, ` +
      `${format(pairedReference)}/s with the log through JSON.stringify (${(pairedDirect / pairedReference).toFixed(2)}x, same bytes); peak RSS ${peakRssMb()} MB`,
  );
}

async function scrubBench(): Promise<void> {
  const workers = Number(values.workers);
  const result = await runScrubBench(Number(values['scrub-rows']), Number(values['scrub-numbers']), seed, [1, workers], Number(values.rounds));
  const on = (count: number) => result.runs.filter((run) => run.workers === count);
  const rate = (count: number) => median(on(count).map((run) => result.rows / run.seconds));
  const peak = (count: number) => Math.max(...on(count).map((run) => run.peakRssMb));
  const [one, many] = [rate(1), rate(workers)];
  const floor = Math.round(median(result.floorRuns.map((run) => result.rows / run.seconds)));
  const lines = [
    { bench: 'scrub', ops_per_s: Math.round(one), floor_ops_per_s: floor, numbers: result.registryNumbers, peak_rss_mb: peak(1) },
    { bench: 'scrub-workers', workers, ops_per_s: Math.round(many), floor_ops_per_s: floor, baseline_ops_per_s: Math.round(one), speedup: Number((many / one).toFixed(2)), numbers: result.registryNumbers, peak_rss_mb: peak(workers) },
  ];
  const texts = [
    `scrub --dnc-only: ${format(result.rows)} CSV rows from a file against ${format(result.registryNumbers)} registry numbers: median ${format(one)} rows/s end to end on one worker ` +
      `(${Math.round((100 * one) / floor)}% of the floor, ${format(floor)}/s: read, split into records, same-size rows written); peak RSS ${peak(1)} MB`,
    `scrub --dnc-only --workers ${workers}: median ${format(many)} rows/s (${(many / one).toFixed(2)}x one worker); peak RSS ${peak(workers)} MB`,
  ];
  lines.forEach((line, index) => process.stdout.write(values.json ? `${JSON.stringify(line)}\n` : `${texts[index]}\n`));
}

async function registryBench(): Promise<void> {
  const numbers = Number(process.env.BENCH_REGISTRY_NUMBERS ?? 20_000_000);
  const { folder, generateSeconds } = await prepareRegistryBench(numbers, seed);
  log(`registry: generated FTC-style full lists of ${format(numbers)} numbers in ${generateSeconds} s`);
  try {
    for (const kind of ['store', 'sqlite', 'set'] as const) {
      const line: RegistryBenchLine = runRegistryChild(kind, folder, numbers);
      const text =
        line.skipped !== undefined
          ? `${line.bench}: skipped (${line.skipped})`
          : `${line.bench}: ${format(line.numbers)} numbers; resident ${line.resident_mb} MB; ` +
            `${line.file_mb === null ? 'no file' : `file ${line.file_mb} MB`}; built in ${line.import_s} s; ` +
            `${line.open_s === null ? '' : `opened in ${line.open_s} s; `}${format(line.lookups_per_s)} lookups/s` +
            `${line.batched_lookups_per_s === undefined ? '' : ` one at a time, ${format(line.batched_lookups_per_s)}/s in batches (hasEach)`}`;
      process.stdout.write(values.json ? `${JSON.stringify(line)}\n` : `${text}\n`);
    }
  } finally {
    cleanUpRegistryBench(folder);
  }
}

// The check bench runs first, so its peak memory is its own; the campaign's line reports the process's peak.
if (values.only === undefined || values.only === 'check') await checkBench();
if (values.only === undefined || values.only === 'campaign') campaignBench();
if (values.only === undefined || values.only === 'scrub') await scrubBench();
if (values.only === undefined || values.only === 'registry') await registryBench();
