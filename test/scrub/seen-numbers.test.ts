import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKey } from '../../src/scrub/scrub-list.js';
import { SeenNumbers } from '../../src/scrub/seen-numbers.js';

describe('SeenNumbers', () => {
  it('answers the first row of a number seen before, and undefined the first time', () => {
    const seen = new SeenNumbers();
    expect(seen.firstRow(duplicateKey('+13035550123'), 1)).toBeUndefined();
    expect(seen.firstRow(duplicateKey('+13035550124'), 2)).toBeUndefined();
    expect(seen.firstRow(duplicateKey('+13035550123'), 3)).toBe(1);
    expect(seen.firstRow(duplicateKey('+13035550123'), 4)).toBe(1);
  });

  it('keeps every number through many growths of the table (50,000 neighbouring numbers)', () => {
    const seen = new SeenNumbers();
    const numbers = Array.from({ length: 50_000 }, (_, index) => `+1303${String(5_550_000 + index)}`);
    numbers.forEach((number, index) => expect(seen.firstRow(duplicateKey(number), index + 1)).toBeUndefined());
    expect(numbers.map((number) => seen.firstRow(duplicateKey(number), 99_999))).toEqual(numbers.map((_, index) => index + 1));
    expect(seen.firstRow(duplicateKey('+4930123456789'), 100_000)).toBeUndefined();
  });
});

describe('duplicateKey', () => {
  it('is Number of the digits after the +, for any text', () => {
    const e164 = fc.oneof(fc.stringMatching(/^\+\d{0,17}$/), fc.string({ unit: fc.constantFrom('+', '1', '0', '9', 'x', ' ', '.', 'e'), maxLength: 18 }));
    fc.assert(
      fc.property(e164, (text) => {
        expect(Object.is(duplicateKey(text), Number(text.slice(1)))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
