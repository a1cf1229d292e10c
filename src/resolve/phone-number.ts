import { createRequire } from 'node:module';
import { parsePhoneNumberFromString, type NumberType } from 'libphonenumber-js/max';
import type { NumberFacts, NumberKind } from '../core/facts.js';

/**
 * Phone numbers to E.164 and their kind, with libphonenumber-js (its full "max" metadata, which knows number types).
 * No country prefix means US. Parsing costs ~12 µs a number, so NANP numbers are answered from a cache keyed by
 * the leading digits that libphonenumber's patterns actually constrain (see `constrainedNanpPrefixLength`).
 */

/** v1 jurisdiction: the United States and its territories (../shared/check-contract.md). */
export const SUPPORTED_REGIONS: ReadonlySet<string> = new Set(['US', 'PR', 'GU', 'VI', 'MP', 'AS']);

const KIND_BY_TYPE: Partial<Record<NumberType & string, NumberKind>> = {
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  PERSONAL_NUMBER: 'personal',
  SHARED_COST: 'other-non-geographic',
  VOIP: 'other-non-geographic',
  UAN: 'other-non-geographic',
  PAGER: 'other-non-geographic',
  VOICEMAIL: 'other-non-geographic',
};

/** The reference resolution: one full libphonenumber parse per call. Exact, and the baseline the cache is tested against. */
export function resolveNumberDirect(input: string): NumberFacts {
  const parsed = parsePhoneNumberFromString(input, 'US');
  if (parsed === undefined || !parsed.isValid()) {
    return { input, validity: 'invalid', e164: null, region: null, kind: null };
  }
  const region = parsed.country ?? null;
  return {
    input,
    validity: region !== null && SUPPORTED_REGIONS.has(region) ? 'valid' : 'unsupported',
    e164: parsed.number,
    region,
    kind: KIND_BY_TYPE[parsed.getType() ?? 'FIXED_LINE_OR_MOBILE'] ?? 'geographic',
  };
}

const require = createRequire(import.meta.url);
const NANP_NATIONAL_LENGTH = 10;

/**
 * How many leading digits of a 10-digit NANP number decide its validity, region and type. Every libphonenumber
 * pattern for +1 is an alternation whose branches end in a free run such as `\d{4}`; the digits before that run are
 * the constrained ones. Derived from the shipped metadata at load, so a metadata update that constrains more digits
 * widens the key instead of making the cache wrong. Any branch of another shape makes the whole number the key.
 */
export function constrainedNanpPrefixLength(): number {
  const metadata = require('libphonenumber-js/metadata.max.json') as {
    country_calling_codes: Record<string, string[]>;
    countries: Record<string, unknown[]>;
  };
  let longest = 3;
  for (const region of metadata.country_calling_codes['1'] ?? []) {
    for (const pattern of validityPatterns(metadata.countries[region] ?? [])) {
      for (const branch of topLevelBranches(pattern)) {
        const freeRun = /\\d\{(\d+)\}$/.exec(branch);
        if (freeRun === null) return NANP_NATIONAL_LENGTH;
        longest = Math.max(longest, NANP_NATIONAL_LENGTH - Number(freeRun[1]));
      }
    }
  }
  return Math.min(longest, NANP_NATIONAL_LENGTH);
}

/** The national-number pattern (index 2) and the per-type patterns (index 11) of compressed libphonenumber metadata. */
function validityPatterns(country: readonly unknown[]): string[] {
  const patterns: string[] = [];
  if (typeof country[2] === 'string') patterns.push(country[2]);
  const types = country[11];
  if (Array.isArray(types)) {
    for (const type of types) {
      if (Array.isArray(type) && typeof type[0] === 'string' && type[0] !== '') patterns.push(type[0]);
    }
  }
  return patterns;
}

function topLevelBranches(pattern: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') index++;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === '|' && depth === 0) {
      branches.push(pattern.slice(start, index));
      start = index + 1;
    }
  }
  branches.push(pattern.slice(start));
  return branches;
}

/**
 * The 10 national digits of a plainly written NANP number ("(303) 555-0123", "+1 303.555.0123", "13035550123"),
 * or `null` for anything else (letters, extensions, other country codes), which then takes the full parse.
 */
export function plainNanpDigits(input: string): string | null {
  let digits = '';
  let plus = false;
  for (let index = 0; index < input.length; index++) {
    const code = input.charCodeAt(index);
    if (code >= 48 && code <= 57) digits += input[index];
    else if (code === 43 /* + */ && index === 0) plus = true;
    else if (code !== 32 && code !== 40 && code !== 41 && code !== 45 && code !== 46) return null;
  }
  if (digits.length === 11 && digits.charCodeAt(0) === 49 /* 1 */) digits = digits.slice(1);
  else if (plus || digits.length !== NANP_NATIONAL_LENGTH) return null;
  // An area code never starts with 0 or 1; leave those oddities to libphonenumber's own rules.
  const first = digits.charCodeAt(0);
  return first >= 50 && first <= 57 ? digits : null;
}

type CachedFacts = Omit<NumberFacts, 'input' | 'e164'>;

/** Resolves numbers like `resolveNumberDirect`, answering NANP numbers from a per-prefix cache. */
export function createNumberResolver(): (input: string) => NumberFacts {
  const prefixLength = constrainedNanpPrefixLength();
  const byPrefix = new Map<string, CachedFacts>();
  return (input) => {
    const national = plainNanpDigits(input);
    if (national === null) return resolveNumberDirect(input);
    const key = national.slice(0, prefixLength);
    let facts = byPrefix.get(key);
    if (facts === undefined) {
      const { validity, region, kind } = resolveNumberDirect(`+1${national}`);
      facts = { validity, region, kind };
      byPrefix.set(key, facts);
    }
    return { input, e164: facts.validity === 'invalid' ? null : `+1${national}`, ...facts };
  };
}
