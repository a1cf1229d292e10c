import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createNumberResolver,
  plainNanpDigits,
  resolveNumberDirect,
} from '../../src/resolve/phone-number.js';

/** plainNanpDigits as first written: every digit appended in turn, whatever the input. */
function referencePlainNanpDigits(input: string): string | null {
  let digits = '';
  let plus = false;
  for (let index = 0; index < input.length; index++) {
    const code = input.charCodeAt(index);
    if (code >= 48 && code <= 57) digits += input[index];
    else if (code === 43 && index === 0) plus = true;
    else if (code !== 32 && code !== 40 && code !== 41 && code !== 45 && code !== 46) return null;
  }
  if (digits.length === 11 && digits.charCodeAt(0) === 49) digits = digits.slice(1);
  else if (plus || digits.length !== 10) return null;
  const first = digits.charCodeAt(0);
  return first >= 50 && first <= 57 ? digits : null;
}

describe('number resolution', () => {
  it('plainNanpDigits slicing digits alone answers as appending each digit did', () => {
    const character = fc.constantFrom('0', '1', '2', '3', '5', '9', '+', ' ', '(', ')', '-', '.', 'x');
    const digitsOnly = fc.tuple(fc.constantFrom('', '+', '1', '+1'), fc.stringMatching(/^[0-9]{9,11}$/)).map(([prefix, rest]) => prefix + rest);
    fc.assert(
      fc.property(fc.oneof(fc.array(character, { maxLength: 16 }).map((chars) => chars.join('')), digitsOnly), (input) => {
        expect(plainNanpDigits(input)).toBe(referencePlainNanpDigits(input));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes a US number in any common format as E.164', () => {
    const resolve = createNumberResolver();
    for (const input of ['(303) 555-0123', '303-555-0123', '303.555.0123', '+1 303 555 0123', '13035550123', '+13035550123']) {
      expect(resolve(input)).toMatchObject({ validity: 'valid', e164: '+13035550123', region: 'US', kind: 'geographic' });
    }
  });

  it('knows toll-free, premium-rate and personal numbers as non-geographic', () => {
    const resolve = createNumberResolver();
    expect(resolve('800-555-0100').kind).toBe('toll-free');
    expect(resolve('888-555-0100').kind).toBe('toll-free');
    expect(resolve('900-555-0100').kind).toBe('premium-rate');
    expect(resolve('500-555-0100').kind).toBe('personal');
  });

  it('gives each valid number its region (PR, GU, CA, JM, GB): which regions are supported is up to the packs in force', () => {
    const resolve = createNumberResolver();
    expect(resolve('+1 787 555 0100')).toMatchObject({ validity: 'valid', region: 'PR' });
    expect(resolve('+1 671 555 0100')).toMatchObject({ validity: 'valid', region: 'GU' });
    // Whether a region is supported depends on the packs in force (resolveAttempt's supportedRegions), not on the number.
    expect(resolve('+1 416 555 0199')).toMatchObject({ validity: 'valid', region: 'CA', e164: '+14165550199' });
    expect(resolve('+1 876 555 0199')).toMatchObject({ validity: 'valid', region: 'JM' });
    expect(resolve('+44 20 7946 0958')).toMatchObject({ validity: 'valid', region: 'GB', e164: '+442079460958' });
  });

  it('reports invalid numbers as a finding value, not an exception', () => {
    const resolve = createNumberResolver();
    for (const input of ['555-0123', 'call me', '', '(303) 055-0123', '+1 303 555 012', '123-456-7890']) {
      expect(resolve(input)).toMatchObject({ validity: 'invalid', e164: null });
    }
  });

  it('leaves letters, extensions and odd prefixes to the full parse', () => {
    expect(plainNanpDigits('1-800-FLOWERS')).toBeNull();
    expect(plainNanpDigits('303-555-0123 ext. 4')).toBeNull();
    expect(plainNanpDigits('+44 20 7946 0958')).toBeNull();
    expect(plainNanpDigits('0303555012')).toBeNull();
    expect(plainNanpDigits('+1 (303) 555-0123')).toBe('3035550123');
  });

  it('classifies every area code 200-999 as libphonenumber does, for exchanges across the range', () => {
    const resolve = createNumberResolver();
    for (let areaCode = 200; areaCode <= 999; areaCode++) {
      for (const rest of ['2000000', '5550123', '7771234', '9999999', '2110000', '6060001']) {
        const input = `+1${areaCode}${rest}`;
        expect(resolve(input)).toEqual(resolveNumberDirect(input));
      }
    }
  });

  it('agrees with a full libphonenumber parse on every NANP number, in any format', () => {
    const resolve = createNumberResolver();
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const nanpNumber = fc
      .tuple(fc.integer({ min: 200, max: 999 }), fc.array(digit, { minLength: 7, maxLength: 7 }))
      .map(([areaCode, rest]) => `${areaCode}${rest.join('')}`);
    const format = fc.constantFrom(
      (n: string) => n,
      (n: string) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
      (n: string) => `+1 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
      (n: string) => `1${n}`,
      (n: string) => `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`,
    );
    fc.assert(
      fc.property(nanpNumber, format, (national, write) => {
        const input = write(national);
        expect(resolve(input)).toEqual(resolveNumberDirect(input));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with a full parse where patterns constrain seven digits (Barbados 246-521, Jamaica 876-606)', () => {
    const resolve = createNumberResolver();
    for (const prefix of ['246521', '246520', '876606', '876605']) {
      for (const tail of ['0000', '3000', '6123', '9999']) {
        expect(resolve(`+1${prefix}${tail}`)).toEqual(resolveNumberDirect(`+1${prefix}${tail}`));
      }
    }
  });
});
