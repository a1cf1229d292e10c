import { DateTime, IANAZone } from 'luxon';
import { HOUR_MS } from '../core/calendar.js';
import type { LocalTime } from '../core/facts.js';

/**
 * Local wall-clock time of an instant in an IANA zone, with luxon's zone data (the runtime's ICU database), so DST
 * changes and zones without DST (America/Phoenix, Pacific/Honolulu) come out right without a table of our own.
 */

/** The reference conversion: a luxon DateTime per call. Exact, and the baseline the cache is tested against. */
export function localTimeDirect(zone: string, at: number): LocalTime {
  const local = DateTime.fromMillis(at, { zone });
  return {
    zone,
    iso: local.toISO({ suppressMilliseconds: true }) ?? '',
    secondOfDay: local.hour * 3600 + local.minute * 60 + local.second,
  };
}

/** Bound on cached hours per zone: about eleven years of distinct hours, a few MB at most. */
const MAX_CACHED_HOURS_PER_ZONE = 100_000;

/**
 * Converts like `localTimeDirect`, caching each zone's UTC offset per UTC hour. An hour is cached only when the
 * offset is the same at its first and last millisecond; no zone changes offset twice within an hour, so a cached
 * offset is exact for every instant in it. An hour that holds a DST change is computed per call.
 */
export function createLocalTimeResolver(): (zone: string, at: number) => LocalTime {
  const zones = new Map<string, { zone: IANAZone; offsetByHour: Map<number, number> }>();
  return (zoneName, at) => {
    let entry = zones.get(zoneName);
    if (entry === undefined) {
      entry = { zone: IANAZone.create(zoneName), offsetByHour: new Map() };
      zones.set(zoneName, entry);
    }
    const hour = Math.floor(at / HOUR_MS);
    let offsetMinutes = entry.offsetByHour.get(hour);
    if (offsetMinutes === undefined) {
      const start = entry.zone.offset(hour * HOUR_MS);
      if (start === entry.zone.offset(hour * HOUR_MS + HOUR_MS - 1)) {
        if (entry.offsetByHour.size >= MAX_CACHED_HOURS_PER_ZONE) entry.offsetByHour.clear();
        entry.offsetByHour.set(hour, start);
        offsetMinutes = start;
      } else {
        offsetMinutes = entry.zone.offset(at);
      }
    }
    return wallClock(zoneName, at, offsetMinutes);
  };
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** Formats as luxon's `toISO({ suppressMilliseconds: true })` does. */
function wallClock(zone: string, at: number, offsetMinutes: number): LocalTime {
  const local = new Date(at + offsetMinutes * 60_000);
  const hours = local.getUTCHours();
  const minutes = local.getUTCMinutes();
  const seconds = local.getUTCSeconds();
  const millis = local.getUTCMilliseconds();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absoluteOffset = Math.abs(offsetMinutes);
  const iso =
    `${String(local.getUTCFullYear()).padStart(4, '0')}-${twoDigits(local.getUTCMonth() + 1)}-${twoDigits(local.getUTCDate())}` +
    `T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}` +
    (millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`) +
    `${sign}${twoDigits(Math.floor(absoluteOffset / 60))}:${twoDigits(absoluteOffset % 60)}`;
  return { zone, iso, secondOfDay: hours * 3600 + minutes * 60 + seconds };
}
