import { popcount } from './popcount.js';

/**
 * One exchange's listed numbers (the last four digits, 0000-9999, of the numbers in one NPA-NXX) in the Elias-Fano
 * code: about 2 + log2(10000 / n) bits a number, against 32 for a sorted Uint32 and 10,000 / n for a bitmap. That
 * is what brings the national registry's 258.5 million numbers under 260 MB (about 5 bits a number at the registry's
 * density), while a lookup still touches only a few words.
 *
 * Layout of a record, in 32-bit words:
 * - word 0: the count n (bits 0-15) and the number of low bits l (bits 16-20);
 * - select samples: the position in the upper bit vector of every 64th zero, two 16-bit samples a word;
 * - the upper bit vector (n + B bits, B = the number of buckets): a one per number, a zero closing each bucket;
 * - the low bits, l bits per number.
 */

/** Line numbers in an exchange: 0000-9999. */
export const LINES_PER_EXCHANGE = 10_000;
const SAMPLE_EVERY = 64;

/** The low-bit width that minimises the code for n numbers in the exchange. */
function lowBitsFor(count: number): number {
  return count >= LINES_PER_EXCHANGE ? 0 : Math.min(13, Math.floor(Math.log2(LINES_PER_EXCHANGE / count)));
}

function bucketsFor(lowBits: number): number {
  return ((LINES_PER_EXCHANGE - 1) >>> lowBits) + 1;
}

function sampleWords(buckets: number): number {
  return Math.ceil(Math.ceil(buckets / SAMPLE_EVERY) / 2);
}

/** Words a record of `count` numbers takes (0 for an empty exchange, which has no record). */
export function exchangeRecordWords(count: number): number {
  if (count === 0) return 0;
  const lowBits = lowBitsFor(count);
  const buckets = bucketsFor(lowBits);
  return 1 + sampleWords(buckets) + Math.ceil((count + buckets) / 32) + Math.ceil((count * lowBits) / 32);
}

/**
 * Writes the record of `lines` (strictly ascending, 0-9999) into `words` at `at`, which the caller has zeroed and
 * sized with exchangeRecordWords. Returns the word after the record.
 */
export function encodeExchange(lines: ArrayLike<number>, count: number, words: Uint32Array, at: number): number {
  if (count === 0) return at;
  const lowBits = lowBitsFor(count);
  const buckets = bucketsFor(lowBits);
  const samplesAt = at + 1;
  const upperAt = samplesAt + sampleWords(buckets);
  const lowAt = upperAt + Math.ceil((count + buckets) / 32);
  words[at] = count | (lowBits << 16);
  const lowMask = (1 << lowBits) - 1;
  // A number's one sits at its bucket plus the count of numbers before it; the k-th zero (closing bucket k) at k
  // plus the count of numbers in buckets up to k, which is what every 64th zero's sample records.
  let sample = 0;
  for (let i = 0; i < count; i++) {
    const line = lines[i]!;
    const bucket = line >>> lowBits;
    for (; sample * SAMPLE_EVERY < bucket; sample++) writeSample(words, samplesAt, sample, sample * SAMPLE_EVERY + i);
    const position = bucket + i;
    words[upperAt + (position >>> 5)]! |= 1 << (position & 31);
    if (lowBits > 0) writeBits(words, lowAt, i * lowBits, line & lowMask, lowBits);
  }
  for (; sample * SAMPLE_EVERY < buckets; sample++) writeSample(words, samplesAt, sample, sample * SAMPLE_EVERY + count);
  return lowAt + Math.ceil((count * lowBits) / 32);
}

function writeSample(words: Uint32Array, samplesAt: number, index: number, position: number): void {
  const word = samplesAt + (index >>> 1);
  words[word]! |= (index & 1) === 0 ? position : position << 16;
}

function writeBits(words: Uint32Array, base: number, bit: number, value: number, width: number): void {
  const word = base + (bit >>> 5);
  const offset = bit & 31;
  words[word]! |= value << offset;
  if (offset + width > 32) words[word + 1]! |= value >>> (32 - offset);
}


/** Per low-bit width: the bucket count, and where the upper bits start after the header and the samples. */
const BUCKETS = Int32Array.from({ length: 14 }, (_, lowBits) => bucketsFor(lowBits));
const UPPER_OFFSET = Int32Array.from({ length: 14 }, (_, lowBits) => 1 + sampleWords(bucketsFor(lowBits)));

/** Whether `line` (0-9999) is in the record at `at`. */
export function exchangeHas(words: Uint32Array, at: number, line: number): boolean {
  const header = words[at]!;
  const count = header & 0xffff;
  const lowBits = header >>> 16;
  const buckets = BUCKETS[lowBits]!;
  const samplesAt = at + 1;
  const upperAt = at + UPPER_OFFSET[lowBits]!;
  const bucket = line >>> lowBits;
  // The bucket starts just after the zero that closes the bucket before it.
  let start = 0;
  if (bucket > 0) {
    const zero = bucket - 1;
    const sampleIndex = zero >>> 6;
    const sampleWord = words[samplesAt + (sampleIndex >>> 1)]!;
    const sampled = (sampleIndex & 1) === 0 ? sampleWord & 0xffff : sampleWord >>> 16;
    let position = sampled;
    const after = zero & 63;
    if (after > 0) {
      // The zero wanted is the after-th one past the sampled zero: count zeros a word at a time to reach it.
      let remaining = after - 1;
      let wordIndex = (sampled + 1) >>> 5;
      let free = ~words[upperAt + wordIndex]! & (-1 << ((sampled + 1) & 31));
      let zerosHere = popcount(free);
      while (zerosHere <= remaining) {
        remaining -= zerosHere;
        wordIndex++;
        free = ~words[upperAt + wordIndex]!;
        zerosHere = popcount(free);
      }
      for (; remaining > 0; remaining--) free &= free - 1;
      position = (wordIndex << 5) + (31 - Math.clz32(free & -free));
    }
    start = position + 1;
  }
  const target = line & ((1 << lowBits) - 1);
  const lowAt = upperAt + ((count + buckets + 31) >>> 5);
  for (let position = start, index = start - bucket; ; position++, index++) {
    if ((words[upperAt + (position >>> 5)]! & (1 << (position & 31))) === 0) return false;
    if (lowBits === 0) return true;
    const low = readBits(words, lowAt, index * lowBits, lowBits);
    if (low === target) return true;
    if (low > target) return false;
  }
}

function readBits(words: Uint32Array, base: number, bit: number, width: number): number {
  const word = base + (bit >>> 5);
  const offset = bit & 31;
  let value = words[word]! >>> offset;
  if (offset + width > 32) value |= words[word + 1]! << (32 - offset);
  return value & ((1 << width) - 1);
}

/** Every line in the record at `at`, ascending: for rebuilding a store (change lists on top of it) and for tests. */
export function* exchangeLines(words: Uint32Array, at: number): Generator<number> {
  const header = words[at]!;
  const count = header & 0xffff;
  const lowBits = header >>> 16;
  const buckets = bucketsFor(lowBits);
  const upperAt = at + 1 + sampleWords(buckets);
  const lowAt = upperAt + ((count + buckets + 31) >>> 5);
  let bucket = 0;
  for (let position = 0, index = 0; index < count; position++) {
    if ((words[upperAt + (position >>> 5)]! & (1 << (position & 31))) === 0) {
      bucket++;
      continue;
    }
    const low = lowBits === 0 ? 0 : readBits(words, lowAt, index * lowBits, lowBits);
    yield (bucket << lowBits) | low;
    index++;
  }
}
