import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { NumberFacts } from '../core/facts.js';
import { createNanpClassifier } from './nanp-classifier.js';
import { numberKind } from './number-kind.js';

/**
 * Phone numbers to E.164 and their kind, with libphonenumber-js (its full "max" metadata, which knows number types).
 * No country prefix means US. A full parse costs ~12 µs, so plainly written NANP numbers take a precompiled path
 * that gives the same answers (./nanp-classifier.ts); anything else takes the full parse. Every valid number comes
 * back `valid`: whether its country is covered depends on the packs in force, which resolveAttempt knows.
 */

/** The reference resolution: one full libphonenumber parse per call. Exact, and the baseline the cache is tested against. */
export function resolveNumberDirect(input: string): NumberFacts {
  const parsed = parsePhoneNumberFromString(input, 'US');
  if (parsed === undefined || !parsed.isValid()) {
    return { input, validity: 'invalid', e164: null, region: null, kind: null };
  }
  const region = parsed.country ?? null;
  return {
    input,
    validity: 'valid',
    e164: parsed.number,
    region,
    kind: numberKind(parsed.getType()),
  };
}

const NANP_NATIONAL_LENGTH = 10;
const NOT_DIGITS = /\D/g;

/**
 * The 10 national digits of a plainly written NANP number ("(303) 555-0123", "+1 303.555.0123", "13035550123"),
 * or `null` for anything else (letters, extensions, other country codes), which then takes the full parse.
 */
export function plainNanpDigits(input: string): string | null {
  let plus = false;
  let separators = false;
  for (let index = 0; index < input.length; index++) {
    const code = input.charCodeAt(index);
    if (code >= 48 && code <= 57) continue;
    if (code === 43 /* + */ && index === 0) plus = true;
    else if (code === 32 || code === 40 || code === 41 || code === 45 || code === 46) separators = true;
    else return null;
  }
  // Digits alone ("+13035550123") are sliced out whole; a number written with separators loses them in one pass
  // (every other character is a digit or the leading plus, checked above), not a string per digit.
  let digits = separators ? input.replace(NOT_DIGITS, '') : input.slice(plus ? 1 : 0);
  if (digits.length === 11 && digits.charCodeAt(0) === 49 /* 1 */) digits = digits.slice(1);
  else if (plus || digits.length !== NANP_NATIONAL_LENGTH) return null;
  // An area code never starts with 0 or 1; leave those oddities to libphonenumber's own rules.
  const first = digits.charCodeAt(0);
  return first >= 50 && first <= 57 ? digits : null;
}

/** Resolves numbers like `resolveNumberDirect`, answering plainly written NANP numbers from precompiled patterns. */
export function createNumberResolver(): (input: string) => NumberFacts {
  const classify = createNanpClassifier();
  return (input) => {
    const national = plainNanpDigits(input);
    if (national === null) return resolveNumberDirect(input);
    const { valid, region, kind } = classify(national);
    if (!valid) return { input, validity: 'invalid', e164: null, region: null, kind: null };
    return { input, validity: 'valid', e164: `+1${national}`, region, kind };
  };
}
