import { parseArgs } from 'node:util';
import { createCachedStrategy, directStrategy, runCheckRound } from './check-bench.js';

/**
 * `npm run bench`: screens 1,000,000 varied, seeded requests through the `dialsim check --ndjson` code path, next
 * to the straightforward baseline (a libphonenumber parse and a luxon conversion per call) in the same process.
 * Prints medians over rounds; `--json` prints one JSON object per benchmark line.
 */

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    count: { type: 'string', default: '1000000' },
    'baseline-count': { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20261123' },
  },
});

const count = Number(values.count);
const baselineCount = Number(values['baseline-count']);
const rounds = Number(values.rounds);
const seed = Number(values.seed);

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const log = (text: string) => {
  if (!values.json) process.stderr.write(`${text}\n`);
};

// A short warm-up for each strategy, so both are measured with optimised code.
await runCheckRound(20_000, seed + 1, createCachedStrategy());
await runCheckRound(5_000, seed + 1, directStrategy);

const optimised: number[] = [];
const optimisedWithGeneration: number[] = [];
const baseline: number[] = [];
for (let round = 1; round <= rounds; round++) {
  // A fresh cache each round: the figure includes filling it, as a real `dialsim check --ndjson` run does.
  const fast = await runCheckRound(count, seed + round, createCachedStrategy());
  optimised.push(fast.decisions / (fast.seconds - fast.generationSeconds));
  optimisedWithGeneration.push(fast.decisions / fast.seconds);
  const slow = await runCheckRound(baselineCount, seed + round, directStrategy);
  baseline.push(slow.decisions / (slow.seconds - slow.generationSeconds));
  log(
    `round ${round}: ${Math.round(optimised.at(-1)!)} decisions/s ` +
      `(${Math.round(optimisedWithGeneration.at(-1)!)}/s with request generation; baseline ${Math.round(baseline.at(-1)!)}/s)`,
  );
}

const opsPerSecond = Math.round(median(optimised));
const baselineOpsPerSecond = Math.round(median(baseline));
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ bench: 'check-ndjson', ops_per_s: opsPerSecond, baseline_ops_per_s: baselineOpsPerSecond, peak_rss_mb: peakRssMb })}\n`,
  );
} else {
  process.stdout.write(
    `check --ndjson: ${count.toLocaleString('en-US')} requests x ${rounds} rounds\n` +
      `  median ${opsPerSecond.toLocaleString('en-US')} decisions/s; baseline ${baselineOpsPerSecond.toLocaleString('en-US')}/s ` +
      `(${(opsPerSecond / baselineOpsPerSecond).toFixed(1)}x); peak RSS ${peakRssMb} MB\n` +
      `  median with request generation counted: ${Math.round(median(optimisedWithGeneration)).toLocaleString('en-US')} decisions/s\n`,
  );
}
