import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeExchange, exchangeHas, exchangeLines, exchangeRecordWords, LINES_PER_EXCHANGE } from '../../src/registry-store/exchange-code.js';

function encoded(lines: number[]): Uint32Array {
  const words = new Uint32Array(exchangeRecordWords(lines.length) + 1);
  const end = encodeExchange(Uint16Array.from(lines), lines.length, words, 1);
  expect(end).toBe(1 + exchangeRecordWords(lines.length));
  return words;
}

const sortedLines = fc
  .uniqueArray(fc.integer({ min: 0, max: LINES_PER_EXCHANGE - 1 }), { minLength: 1, maxLength: LINES_PER_EXCHANGE })
  .map((lines) => lines.sort((a, b) => a - b));

describe('the Elias-Fano code of one exchange', () => {
  it('answers membership exactly like a set, for every line, at every density', () => {
    fc.assert(
      fc.property(sortedLines, (lines) => {
        const words = encoded(lines);
        const members = new Set(lines);
        for (let line = 0; line < LINES_PER_EXCHANGE; line++) {
          if (exchangeHas(words, 1, line) !== members.has(line)) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('gives back the lines it was given, in order', () => {
    fc.assert(
      fc.property(sortedLines, (lines) => {
        expect([...exchangeLines(encoded(lines), 1)]).toEqual(lines);
      }),
      { numRuns: 60 },
    );
  });

  it('handles the extremes: one line, every line, the first and the last', () => {
    for (const lines of [[0], [9999], [0, 9999], Array.from({ length: LINES_PER_EXCHANGE }, (_, i) => i)]) {
      const words = encoded(lines);
      for (const line of [0, 1, 5000, 9998, 9999]) expect(exchangeHas(words, 1, line)).toBe(lines.includes(line));
    }
  });

  it('takes fewer bits a number than a bitmap or a sorted 16-bit array at the registry density', () => {
    // About 15% of an exchange listed, as in the FTC's area codes (1.47 million numbers per area code).
    const lines = Array.from({ length: 1470 }, (_, i) => Math.floor((i * LINES_PER_EXCHANGE) / 1470));
    const bitsPerNumber = (exchangeRecordWords(lines.length) * 32) / lines.length;
    expect(bitsPerNumber).toBeLessThan(Math.min(LINES_PER_EXCHANGE / lines.length, 16));
    expect(bitsPerNumber).toBeLessThan(6);
  });
});
