import { LINES_PER_EXCHANGE } from './exchange-code.js';
import { popcount } from './popcount.js';

/** Numbers in one area code: NXX-XXXX, 0 to 9,999,999. */
const NUMBERS_PER_AREA_CODE = 10_000_000;
const WORDS_PER_AREA_CODE = NUMBERS_PER_AREA_CODE / 32;

/**
 * The registry while it is being imported: a bitmap of 10^7 bits (1.25 MB) per covered area code, so that full
 * lists in any order and change lists' additions and deletions are each one bit operation. Only the import holds
 * this; the store it becomes is about a fifth of the size.
 */
export class AreaCodeBitmaps {
  readonly #bitmaps = new Map<number, Uint32Array>();

  /** Starts an area code's list afresh (a full list replaces whatever the area code held). */
  cover(areaCode: number): void {
    this.#bitmaps.set(areaCode, new Uint32Array(WORDS_PER_AREA_CODE));
  }

  covers(areaCode: number): boolean {
    return this.#bitmaps.has(areaCode);
  }

  /** `local` is the seven-digit number within the area code (NXX * 10,000 + line). */
  add(areaCode: number, local: number): void {
    const bitmap = this.#bitmaps.get(areaCode)!;
    bitmap[local >>> 5]! |= 1 << (local & 31);
  }

  remove(areaCode: number, local: number): void {
    const bitmap = this.#bitmaps.get(areaCode)!;
    bitmap[local >>> 5]! &= ~(1 << (local & 31));
  }

  areaCodes(): number[] {
    return [...this.#bitmaps.keys()].sort((a, b) => a - b);
  }

  /** How many lines of each exchange (NXX 000-999) of an area code are listed. */
  exchangeCounts(areaCode: number): Uint16Array {
    const counts = new Uint16Array(1000);
    const bitmap = this.#bitmaps.get(areaCode);
    if (bitmap === undefined) return counts;
    for (let exchange = 0; exchange < 1000; exchange++) {
      const first = exchange * LINES_PER_EXCHANGE;
      const last = first + LINES_PER_EXCHANGE - 1;
      const firstWord = first >>> 5;
      const lastWord = last >>> 5;
      let count = 0;
      for (let wordIndex = firstWord; wordIndex <= lastWord; wordIndex++) {
        let word = bitmap[wordIndex]!;
        if (word === 0) continue;
        // An exchange starts and ends mid-word (10,000 is not a multiple of 32): mask off the neighbours' bits.
        if (wordIndex === firstWord) word &= -1 << (first & 31);
        if (wordIndex === lastWord && (last & 31) !== 31) word &= (1 << ((last & 31) + 1)) - 1;
        count += popcount(word);
      }
      counts[exchange] = count;
    }
    return counts;
  }

  /** The lines (0-9999) listed in one exchange, ascending, written into `out`; returns how many. */
  exchangeLines(areaCode: number, exchange: number, out: Uint16Array): number {
    const bitmap = this.#bitmaps.get(areaCode);
    if (bitmap === undefined) return 0;
    const first = exchange * LINES_PER_EXCHANGE;
    const end = first + LINES_PER_EXCHANGE;
    let count = 0;
    const firstWord = first >>> 5;
    const lastWord = (end - 1) >>> 5;
    for (let wordIndex = firstWord; wordIndex <= lastWord; wordIndex++) {
      let word = bitmap[wordIndex]!;
      // An exchange starts and ends mid-word (10,000 is not a multiple of 32): mask off the neighbours' bits.
      if (wordIndex === firstWord) word &= -1 << (first & 31);
      if (wordIndex === lastWord && ((end - 1) & 31) !== 31) word &= (1 << (((end - 1) & 31) + 1)) - 1;
      const base = (wordIndex << 5) - first;
      while (word !== 0) {
        out[count++] = base + (31 - Math.clz32(word & -word));
        word &= word - 1;
      }
    }
    return count;
  }
}

