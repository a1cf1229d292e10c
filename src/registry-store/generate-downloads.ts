import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { subdivision } from '../core/jurisdiction-codes.js';
import { seededRandom } from '../core/seeded-random.js';
import { areaCodeStates } from '../resolve/area-code-states.js';
import { LINES_PER_EXCHANGE } from './exchange-code.js';

/**
 * Seeded FTC-style full lists for tests and the bench: one `YYYY-M-D_AAA_<GUID>.txt` file per area code, lines
 * `AAA,NNNNNNN`, spread as the real registry is: over the US area codes the numbering data knows, with some
 * exchanges not in service and the listed share varying from exchange to exchange (the real lists run at about 15%
 * of an area code, rules.md / jurisdictions.md H).
 */

export interface GeneratedDownloads {
  readonly files: readonly string[];
  readonly numbers: number;
  readonly areaCodes: readonly string[];
}

export interface GenerateOptions {
  readonly numbers: number;
  readonly seed: number;
  /** The download date written into the file names, `YYYY-MM-DD`. */
  readonly date: string;
  /** At most this many area codes (default: every US area code); fewer make each denser. */
  readonly areaCodes?: number;
}

const EXCHANGES = 800; // NXX 200-999

export function generateDownloads(directory: string, options: GenerateOptions): GeneratedDownloads {
  const random = seededRandom(options.seed);
  const usAreaCodes = [...areaCodeStates()]
    .filter(([, states]) => states.length > 0 && states.every((state) => subdivision(state)?.country === 'US'))
    .map(([areaCode]) => areaCode)
    .sort();
  const chosen = shuffled(usAreaCodes, random).slice(0, options.areaCodes ?? usAreaCodes.length).sort();
  // Weights per exchange: a quarter or so of exchanges out of service, the rest listed at a share that varies
  // several-fold (the square of a uniform draw), and area codes of different sizes.
  const weights = new Float64Array(chosen.length * EXCHANGES);
  let total = 0;
  for (let a = 0; a < chosen.length; a++) {
    const areaCodeWeight = 0.3 + random();
    const inService = 0.55 + 0.4 * random();
    for (let e = 0; e < EXCHANGES; e++) {
      const weight = random() < inService ? areaCodeWeight * (0.1 + random() ** 2) : 0;
      weights[a * EXCHANGES + e] = weight;
      total += weight;
    }
  }
  const counts = allocate(options.numbers, weights, total, random);
  const [year, month, day] = options.date.split('-').map(Number) as [number, number, number];
  mkdirSync(directory, { recursive: true });
  const files: string[] = [];
  const picked = new Uint8Array(LINES_PER_EXCHANGE);
  for (let a = 0; a < chosen.length; a++) {
    const areaCode = chosen[a]!;
    let lines = 0;
    for (let e = 0; e < EXCHANGES; e++) lines += counts[a * EXCHANGES + e]!;
    const text = Buffer.allocUnsafe(lines * 12);
    let at = 0;
    for (let e = 0; e < EXCHANGES; e++) {
      const count = counts[a * EXCHANGES + e]!;
      if (count === 0) continue;
      pick(count, picked, random);
      const exchange = 200 + e;
      for (let line = 0; line < LINES_PER_EXCHANGE; line++) {
        if (picked[line] === 0) continue;
        // `AAA,NNNNNNN\n` written byte by byte: the bench writes hundreds of millions of these.
        text[at] = areaCode.charCodeAt(0);
        text[at + 1] = areaCode.charCodeAt(1);
        text[at + 2] = areaCode.charCodeAt(2);
        text[at + 3] = 44;
        text[at + 4] = 48 + Math.floor(exchange / 100);
        text[at + 5] = 48 + (Math.floor(exchange / 10) % 10);
        text[at + 6] = 48 + (exchange % 10);
        text[at + 7] = 48 + Math.floor(line / 1000);
        text[at + 8] = 48 + (Math.floor(line / 100) % 10);
        text[at + 9] = 48 + (Math.floor(line / 10) % 10);
        text[at + 10] = 48 + (line % 10);
        text[at + 11] = 10;
        at += 12;
      }
    }
    const file = join(directory, `${year}-${month}-${day}_${areaCode}_${guid(random)}.txt`);
    writeFileSync(file, text.subarray(0, at));
    files.push(file);
  }
  return { files, numbers: options.numbers, areaCodes: chosen };
}

/** Integer counts per exchange in proportion to the weights, summing to `numbers` exactly, none over 10,000. */
function allocate(numbers: number, weights: Float64Array, total: number, random: () => number): Uint16Array {
  const counts = new Uint16Array(weights.length);
  const capacity = weights.reduce((sum, weight) => sum + (weight > 0 ? LINES_PER_EXCHANGE : 0), 0);
  if (numbers > capacity) throw new RangeError(`${numbers} numbers do not fit in the ${capacity} lines of the exchanges in service`);
  let left = numbers;
  for (let i = 0; i < weights.length; i++) {
    const count = Math.min(LINES_PER_EXCHANGE, Math.floor((numbers * weights[i]!) / total));
    counts[i] = count;
    left -= count;
  }
  while (left > 0) {
    const i = Math.floor(random() * weights.length);
    if (weights[i]! > 0 && counts[i]! < LINES_PER_EXCHANGE) {
      counts[i]!++;
      left--;
    }
  }
  return counts;
}

/** Marks `count` distinct lines of an exchange in `picked` (1 = listed). */
function pick(count: number, picked: Uint8Array, random: () => number): void {
  // Pick the smaller side, then flip, so that a dense exchange does not spin on collisions.
  const dense = count > LINES_PER_EXCHANGE / 2;
  picked.fill(dense ? 1 : 0);
  for (let left = dense ? LINES_PER_EXCHANGE - count : count; left > 0; ) {
    const line = Math.floor(random() * LINES_PER_EXCHANGE);
    if (picked[line] === (dense ? 1 : 0)) {
      picked[line] = dense ? 0 : 1;
      left--;
    }
  }
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function guid(random: () => number): string {
  const hex = (length: number): string => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}
