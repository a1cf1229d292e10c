import { parseInstantOrDate } from '../core/instant.js';
import { AreaCodeBitmaps } from '../registry-store/area-code-bitmaps.js';
import { encodeRegistryStore, RegistryStore } from '../registry-store/registry-store.js';
import { storeCopy } from '../registry-store/store-copy.js';
import { defaultStrategy } from '../resolve/resolve-attempt.js';
import type { SharedRegistryCopy } from '../resolve/registry.js';

/** One area code's download in a test store: when it was downloaded, and the numbers listed in it. */
export interface AreaCodeDownload {
  readonly syncedAt: string;
  readonly numbers?: readonly string[];
}

/**
 * A registry store built in memory, as `dialsim registry import` builds one from the FTC's files: each area code
 * dated by its own download, and a number of any other area code not vouched for (its freshness rule blocks).
 * Pass it as a shared copy: `screen(attempt, { registries: { national: aRegistryStore({ '312': { syncedAt:
 * '2026-03-01', numbers: ['312-555-0188'] } }) } })`.
 */
export function aRegistryStore(downloads: Readonly<Record<string, AreaCodeDownload>>): SharedRegistryCopy {
  const strategy = defaultStrategy();
  const bitmaps = new AreaCodeBitmaps();
  const coverage = new Map<number, { syncedAt: number; source: string }>();
  for (const [areaCode, download] of Object.entries(downloads)) {
    if (!/^[2-9]\d\d$/.test(areaCode)) throw new RangeError(`aRegistryStore: "${areaCode}" is not a NANP area code (three digits, the first 2-9)`);
    const syncedAt = parseInstantOrDate(download.syncedAt);
    if (typeof syncedAt !== 'number') throw new RangeError(`aRegistryStore: ${areaCode}.syncedAt "${download.syncedAt}" is not a date or an instant`);
    bitmaps.cover(Number(areaCode));
    coverage.set(Number(areaCode), { syncedAt, source: `test download of area code ${areaCode}` });
    for (const entry of download.numbers ?? []) {
      const e164 = strategy.number(entry).e164;
      if (e164 === null || !e164.startsWith(`+1${areaCode}`)) throw new RangeError(`aRegistryStore: "${entry}" is not a valid number of area code ${areaCode}`);
      bitmaps.add(Number(areaCode), Number(e164.slice(5)));
    }
  }
  return storeCopy(RegistryStore.fromBytes(encodeRegistryStore(bitmaps, coverage, 'dialsim testing kit')), 'aRegistryStore');
}
