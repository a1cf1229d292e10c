import { savedTable } from '../core/saved-tables.js';

/**
 * Tables by NANP area code held as arrays indexed by the area code's value (000 to 999), so that a lookup per
 * attempt reads three character codes instead of slicing a string and hashing it.
 */

/** The area code of a `+1` number as a number, or -1 when the text does not start `+1` and three digits. */
export function areaCodeIndexOf(e164: string): number {
  if (e164.charCodeAt(0) !== 43 || e164.charCodeAt(1) !== 49) return -1;
  const hundreds = e164.charCodeAt(2) - 48;
  const tens = e164.charCodeAt(3) - 48;
  const units = e164.charCodeAt(4) - 48;
  // Written as "is a digit" so that a text too short (NaN past its end) is not one.
  if (!(hundreds >= 0 && hundreds <= 9 && tens >= 0 && tens <= 9 && units >= 0 && units <= 9)) return -1;
  return hundreds * 100 + tens * 10 + units;
}

/** The table's entries by area code value; an area code that is not three digits is left out, as no number has it. */
export function indexByAreaCode<Entry>(table: ReadonlyMap<string, Entry>): readonly (Entry | undefined)[] {
  const index: (Entry | undefined)[] = new Array(1000).fill(undefined);
  for (const [areaCode, entry] of table) {
    if (/^\d{3}$/.test(areaCode)) index[Number(areaCode)] = entry;
  }
  return index;
}

/** A table by area code that the build saved (src/core/saved-tables.ts), its lists frozen as working it out freezes them. */
export function savedAreaCodeTable(name: 'areaCodeStates' | 'areaCodeZones'): ReadonlyMap<string, readonly string[]> | undefined {
  const entries = savedTable(name) as (readonly [string, string[]])[] | undefined;
  return entries === undefined ? undefined : new Map(entries.map(([areaCode, list]) => [areaCode, Object.freeze(list)]));
}
