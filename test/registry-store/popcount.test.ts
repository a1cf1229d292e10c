/** The bit counting a store's lookups rest on, held to the plain bit-by-bit definitions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { popcount, selectBit } from '../../src/registry-store/popcount.js';

const setBits = (word: number): number[] => Array.from({ length: 32 }, (_, bit) => bit).filter((bit) => ((word >>> bit) & 1) === 1);

const words = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0, -1, 1, 0x80000000 | 0, 0x0000ff00, 0x00ff0000, 0x01010101));

describe('popcount', () => {
  it('counts the set bits of any 32-bit word', () => {
    fc.assert(
      fc.property(words, (word) => {
        expect(popcount(word)).toBe(setBits(word).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('selectBit', () => {
  it('is the position of the k-th set bit, for every k the word has', () => {
    fc.assert(
      fc.property(words, (word) => {
        const bits = setBits(word);
        bits.forEach((position, index) => expect(selectBit(word, index + 1)).toBe(position));
      }),
      { numRuns: 2000 },
    );
  });
});
