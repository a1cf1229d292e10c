import { popcount, selectBit } from './popcount.js';

/**
 * One exchange's listed numbers (the last four digits, 0000-9999, of the numbers in one NPA-NXX) in the Elias-Fano
 * code: about 2 + log2(10000 / n) bits a number, against 32 for a sorted Uint32 and 10,000 / n for a bitmap. That
 * is what brings the national registry's 258.5 million numbers to about 5 bits a number.
 *
 * A number's high bits pick its bucket; the upper bit vector has a one per number and a zero closing each bucket,
 * and the low bits are packed beside it. Buckets go in groups of 128, and each group keeps its upper bits and its
 * low bits together, so that a lookup touches the record's directory and then one group: at the registry's scale
 * every other touch is a cache miss, and misses, not instructions, set the lookup rate.
 *
 * Layout of a record, in 32-bit words:
 * - word 0: the count n (bits 0-15) and the number of low bits l (bits 16-20);
 * - a directory word per group: the group's first bit after the directory (bits 0-17) and the index of its first
 *   number (bits 18-31);
 * - the groups, bit after bit: each its upper bits (a one per number, a zero per bucket), then its numbers' low bits.
 */

/** Line numbers in an exchange: 0000-9999. */
export const LINES_PER_EXCHANGE = 10_000;
const BUCKETS_PER_GROUP = 128;

/** The low-bit width that minimises the code for n numbers in the exchange. */
function lowBitsFor(count: number): number {
  return count >= LINES_PER_EXCHANGE ? 0 : Math.min(13, Math.floor(Math.log2(LINES_PER_EXCHANGE / count)));
}

function bucketsFor(lowBits: number): number {
  return ((LINES_PER_EXCHANGE - 1) >>> lowBits) + 1;
}

function groupsFor(lowBits: number): number {
  return Math.ceil(bucketsFor(lowBits) / BUCKETS_PER_GROUP);
}

/** Per low-bit width, read on every lookup: the bucket count and the group count. */
const BUCKETS = Int32Array.from({ length: 14 }, (_, lowBits) => bucketsFor(lowBits));
const GROUPS = Int32Array.from({ length: 14 }, (_, lowBits) => groupsFor(lowBits));

/** Words a record of `count` numbers takes (0 for an empty exchange, which has no record). */
export function exchangeRecordWords(count: number): number {
  if (count === 0) return 0;
  const lowBits = lowBitsFor(count);
  return 1 + groupsFor(lowBits) + Math.ceil((count + bucketsFor(lowBits) + count * lowBits) / 32);
}

/**
 * Writes the record of `lines` (strictly ascending, 0-9999) into `words` at `at`, which the caller has zeroed and
 * sized with exchangeRecordWords. Returns the word after the record.
 */
export function encodeExchange(lines: ArrayLike<number>, count: number, words: Uint32Array, at: number): number {
  if (count === 0) return at;
  const lowBits = lowBitsFor(count);
  const buckets = bucketsFor(lowBits);
  const groups = groupsFor(lowBits);
  const dataBit = (at + 1 + groups) * 32;
  const lowMask = (1 << lowBits) - 1;
  words[at] = count | (lowBits << 16);
  let bit = dataBit;
  let first = 0;
  for (let group = 0; group < groups; group++) {
    const firstBucket = group * BUCKETS_PER_GROUP;
    const endBucket = Math.min(buckets, firstBucket + BUCKETS_PER_GROUP);
    let end = first;
    while (end < count && lines[end]! >>> lowBits < endBucket) end++;
    words[at + 1 + group] = (bit - dataBit) | (first << 18);
    // Upper bits: for each bucket its numbers' ones, then its closing zero.
    let index = first;
    for (let bucket = firstBucket; bucket < endBucket; bucket++) {
      while (index < end && lines[index]! >>> lowBits === bucket) {
        words[bit >>> 5]! |= 1 << (bit & 31);
        bit++;
        index++;
      }
      bit++;
    }
    for (let i = first; i < end; i++) {
      if (lowBits > 0) writeBits(words, bit, lines[i]! & lowMask, lowBits);
      bit += lowBits;
    }
    first = end;
  }
  return at + exchangeRecordWords(count);
}

function writeBits(words: Uint32Array, bit: number, value: number, width: number): void {
  const word = bit >>> 5;
  const offset = bit & 31;
  words[word]! |= value << offset;
  if (offset + width > 32) words[word + 1]! |= value >>> (32 - offset);
}

/** 32 bits starting at any bit (the word past the end of the array reads as 0). */
function readWord(words: Uint32Array, bit: number): number {
  const word = bit >>> 5;
  const offset = bit & 31;
  return offset === 0 ? words[word]! : (words[word]! >>> offset) | ((words[word + 1] ?? 0) << (32 - offset));
}

function readBits(words: Uint32Array, bit: number, width: number): number {
  return readWord(words, bit) & ((1 << width) - 1);
}

/** Whether `line` (0-9999) is in the record at `at`. */
export function exchangeHas(words: Uint32Array, at: number, line: number): boolean {
  const header = words[at]!;
  const count = header & 0xffff;
  const lowBits = header >>> 16;
  const groups = GROUPS[lowBits]!;
  const bucket = line >>> lowBits;
  const group = bucket >>> 7;
  const entry = words[at + 1 + group]!;
  const first = entry >>> 18;
  const end = group + 1 < groups ? words[at + 2 + group]! >>> 18 : count;
  if (end === first) return false;
  const groupBit = (at + 1 + groups) * 32 + (entry & 0x3ffff);
  const bucketsInGroup = Math.min(BUCKETS_PER_GROUP, BUCKETS[lowBits]! - group * BUCKETS_PER_GROUP);
  // The bucket starts just after the zero that closes the bucket before it, in this group's upper bits.
  let start = 0;
  let zeros = bucket & (BUCKETS_PER_GROUP - 1);
  if (zeros > 0) {
    let offset = 0;
    let free = ~readWord(words, groupBit);
    let inWord = popcount(free);
    while (inWord < zeros) {
      zeros -= inWord;
      offset += 32;
      free = ~readWord(words, groupBit + offset);
      inWord = popcount(free);
    }
    start = offset + selectBit(free, zeros) + 1;
  }
  const target = line & ((1 << lowBits) - 1);
  const lowBit = groupBit + (end - first) + bucketsInGroup;
  for (let position = start, index = start - (bucket & (BUCKETS_PER_GROUP - 1)); ; position++, index++) {
    const upper = groupBit + position;
    if ((words[upper >>> 5]! & (1 << (upper & 31))) === 0) return false;
    if (lowBits === 0) return true;
    const low = readBits(words, lowBit + index * lowBits, lowBits);
    if (low === target) return true;
    if (low > target) return false;
  }
}

/**
 * The word where the group holding `line` starts in the record at `at`: what `exchangeHas` reads after the record's
 * directory. Reading it ahead, for many lookups at once, lets their cache misses overlap (RegistryStore.hasEach).
 */
export function exchangeGroupWord(words: Uint32Array, at: number, line: number): number {
  const lowBits = words[at]! >>> 16;
  const group = (line >>> lowBits) >>> 7;
  return at + 1 + GROUPS[lowBits]! + ((words[at + 1 + group]! & 0x3ffff) >>> 5);
}

/** Every line in the record at `at`, ascending: for rebuilding a store (change lists on top of it) and for tests. */
export function* exchangeLines(words: Uint32Array, at: number): Generator<number> {
  const header = words[at]!;
  const count = header & 0xffff;
  const lowBits = header >>> 16;
  const groups = GROUPS[lowBits]!;
  const buckets = BUCKETS[lowBits]!;
  for (let group = 0; group < groups; group++) {
    const entry = words[at + 1 + group]!;
    const first = entry >>> 18;
    const end = group + 1 < groups ? words[at + 2 + group]! >>> 18 : count;
    const groupBit = (at + 1 + groups) * 32 + (entry & 0x3ffff);
    const bucketsInGroup = Math.min(BUCKETS_PER_GROUP, buckets - group * BUCKETS_PER_GROUP);
    const lowBit = groupBit + (end - first) + bucketsInGroup;
    let bucket = group * BUCKETS_PER_GROUP;
    for (let position = 0, index = 0; index < end - first; position++) {
      const upper = groupBit + position;
      if ((words[upper >>> 5]! & (1 << (upper & 31))) === 0) {
        bucket++;
        continue;
      }
      yield (bucket << lowBits) | (lowBits === 0 ? 0 : readBits(words, lowBit + index * lowBits, lowBits));
      index++;
    }
  }
}
