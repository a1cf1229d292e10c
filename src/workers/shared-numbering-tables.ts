import { adoptSubdivisions, knownSubdivisions, type SubdivisionInfo } from '../core/jurisdiction-codes.js';
import { adoptAreaCodeStates, areaCodeStates } from '../resolve/area-code-states.js';
import { adoptAreaCodeZones, areaCodeZones } from '../resolve/time-zones.js';

/**
 * The area-code tables resolution reads (candidate states, candidate zones) and the state and province names, as
 * the thread that built them sends them to its workers. Each is a few hundred short entries, cheap to copy; building
 * them from the numbering data (about 1 MB of BSON, and fuzzy matching of place names) was a worker's largest cost
 * before its first answer, and reading them from the build's saved tables still means hashing their sources (about
 * 10 ms, src/core/saved-tables.ts).
 */
export interface SharedNumberingTables {
  readonly statesByAreaCode: ReadonlyMap<string, readonly string[]>;
  readonly zonesByAreaCode: ReadonlyMap<string, readonly string[]>;
  readonly subdivisions: readonly SubdivisionInfo[];
}

/** This thread's tables, built now if they are not yet, to send to a worker. */
export function shareNumberingTables(): SharedNumberingTables {
  return { statesByAreaCode: areaCodeStates(), zonesByAreaCode: areaCodeZones(), subdivisions: [...knownSubdivisions().values()] };
}

/** In a worker: resolution reads the tables sent rather than building its own. */
export function adoptNumberingTables(tables: SharedNumberingTables): void {
  adoptSubdivisions(tables.subdivisions);
  adoptAreaCodeStates(tables.statesByAreaCode);
  adoptAreaCodeZones(tables.zonesByAreaCode);
}
