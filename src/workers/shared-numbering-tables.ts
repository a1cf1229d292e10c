import { adoptAreaCodeStates, areaCodeStates } from '../resolve/area-code-states.js';
import { adoptAreaCodeZones, areaCodeZones } from '../resolve/time-zones.js';

/**
 * The area-code tables resolution reads (candidate states, candidate zones), as the thread that built them sends
 * them to its workers. Each is a few hundred short lists, cheap to copy; building them from the numbering data
 * (about 1 MB of BSON, and fuzzy matching of place names) was a worker's largest cost before its first answer.
 */
export interface SharedNumberingTables {
  readonly statesByAreaCode: ReadonlyMap<string, readonly string[]>;
  readonly zonesByAreaCode: ReadonlyMap<string, readonly string[]>;
}

/** This thread's tables, built now if they are not yet, to send to a worker. */
export function shareNumberingTables(): SharedNumberingTables {
  return { statesByAreaCode: areaCodeStates(), zonesByAreaCode: areaCodeZones() };
}

/** In a worker: resolution reads the tables sent rather than building its own. */
export function adoptNumberingTables(tables: SharedNumberingTables): void {
  adoptAreaCodeStates(tables.statesByAreaCode);
  adoptAreaCodeZones(tables.zonesByAreaCode);
}
