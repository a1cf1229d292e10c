import { formatInstantUtc } from '../core/instant.js';
import { STORE_FORMAT_VERSION, type RegistryStore } from './registry-store.js';

/** What `dialsim registry info` shows of a store. */
export interface StoreDescription {
  readonly format: number;
  readonly createdBy: string;
  readonly numbers: number;
  readonly bytes: number;
  readonly oldestDownload: string | null;
  readonly newestDownload: string | null;
  readonly areaCodes: readonly { readonly areaCode: string; readonly syncedAt: string; readonly source: string; readonly numbers: number }[];
}

export function describeStore(store: RegistryStore, bytes: number): StoreDescription {
  const areaCodes = store.areaCodes().map((copy) => ({ ...copy, syncedAt: formatInstantUtc(copy.syncedAt) }));
  const dates = store.areaCodes().map((copy) => copy.syncedAt);
  return {
    format: STORE_FORMAT_VERSION,
    createdBy: store.createdBy,
    numbers: store.size,
    bytes,
    oldestDownload: dates.length === 0 ? null : formatInstantUtc(Math.min(...dates)),
    newestDownload: dates.length === 0 ? null : formatInstantUtc(Math.max(...dates)),
    areaCodes,
  };
}

/** `12.3 kB`, `201.4 MB`: a store's size as `info` and `import` print it. */
export function formatBytes(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

export function formatStoreDescription(path: string, description: StoreDescription): string {
  const lines = [
    `${path}: registry store, format ${description.format}, written by ${description.createdBy}`,
    `  numbers:    ${description.numbers.toLocaleString('en-US')}`,
    `  area codes: ${description.areaCodes.length}`,
    `  downloads:  ${description.oldestDownload === null ? 'none' : `${description.oldestDownload.slice(0, 10)} to ${description.newestDownload!.slice(0, 10)}`}`,
    `  file size:  ${formatBytes(description.bytes)} (${description.numbers === 0 ? '-' : ((description.bytes * 8) / description.numbers).toFixed(2)} bits a number)`,
    '',
    '  area code  downloaded  numbers     source',
    ...description.areaCodes.map((copy) => `  ${copy.areaCode}        ${copy.syncedAt.slice(0, 10)}  ${String(copy.numbers).padStart(10)}  ${copy.source}`),
  ];
  return `${lines.join('\n')}\n`;
}
