import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';

/**
 * The date-holidays package, loaded when a holiday or a region's name is first asked for, not when dialsim starts:
 * most runs never ask (a `--dnc-only` scrub, a check of a state without a holiday ban; the names are saved by the
 * build, src/core/saved-tables.ts), and loading it, with moment-timezone and the astronomy it computes holidays with,
 * took about 70 ms and 9 MB of heap in every process and worker thread. Its CommonJS build, through `require`, so
 * that the worker bundles leave it out too.
 */

const require = createRequire(import.meta.url);

let holidays: typeof Holidays | undefined;

export function holidaysPackage(): typeof Holidays {
  return (holidays ??= require('date-holidays') as typeof Holidays);
}
