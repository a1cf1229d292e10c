import { DateTime, IANAZone } from 'luxon';
import { DAY_MS, HOUR_MS } from '../core/calendar.js';
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

/** Bound on cached periods per zone: decades of distinct days, a few MB at most. */
const MAX_CACHED_PERIODS_PER_ZONE = 50_000;

interface ZoneOffsets {
  readonly zone: IANAZone;
  /** UTC offset in minutes by UTC day (key >= 0) or, for days that hold a change, by UTC hour (key < 0). */
  readonly byPeriod: Map<number, number>;
}

/**
 * The zone's offset at `at`, cached per UTC day, or per UTC hour on the days that hold an offset change. A period
 * is cached only when the offset is the same at its first and last millisecond: no zone changes offset twice in a
 * day, so the cached offset is then exact for every instant in the period. The hour that holds the change itself is
 * computed per call.
 */
function offsetAt(entry: ZoneOffsets, at: number): number {
  const day = Math.floor(at / DAY_MS);
  const dayOffset = entry.byPeriod.get(day);
  if (dayOffset !== undefined) return dayOffset;
  const hourKey = -1 - Math.floor(at / HOUR_MS);
  const hourOffset = entry.byPeriod.get(hourKey);
  if (hourOffset !== undefined) return hourOffset;

  if (entry.byPeriod.size >= MAX_CACHED_PERIODS_PER_ZONE) entry.byPeriod.clear();
  const dayStart = entry.zone.offset(day * DAY_MS);
  if (dayStart === entry.zone.offset(day * DAY_MS + DAY_MS - 1)) {
    entry.byPeriod.set(day, dayStart);
    return dayStart;
  }
  const hourStart = -1 - hourKey;
  const hourOffsetAtStart = entry.zone.offset(hourStart * HOUR_MS);
  if (hourOffsetAtStart === entry.zone.offset(hourStart * HOUR_MS + HOUR_MS - 1)) {
    entry.byPeriod.set(hourKey, hourOffsetAtStart);
    return hourOffsetAtStart;
  }
  return entry.zone.offset(at);
}

/** Converts like `localTimeDirect`, with each zone's UTC offset cached by `offsetAt`. */
export function createLocalTimeResolver(): (zone: string, at: number) => LocalTime {
  const zones = new Map<string, ZoneOffsets>();
  return (zoneName, at) => {
    let entry = zones.get(zoneName);
    if (entry === undefined) {
      entry = { zone: IANAZone.create(zoneName), byPeriod: new Map() };
      zones.set(zoneName, entry);
    }
    return wallClock(zoneName, at, offsetAt(entry, at));
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
