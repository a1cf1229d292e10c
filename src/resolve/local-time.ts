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
  /**
   * The instant last converted in this zone and its local time, frozen and handed out again for the same instant: a
   * campaign screens a dialed group's calls at one instant, and three conversions in four repeat the one before in
   * the same zone. A local time is a function of the zone (this entry's) and the instant alone, so the key is complete.
   */
  lastAt: number;
  last: LocalTime | undefined;
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

/** Converts like `localTimeDirect`, with each zone's UTC offset cached by `offsetAt`; the local times it gives are frozen. */
export function createLocalTimeResolver(): (zone: string, at: number) => LocalTime {
  const zones = new Map<string, ZoneOffsets>();
  return (zoneName, at) => {
    let entry = zones.get(zoneName);
    if (entry === undefined) {
      entry = { zone: IANAZone.create(zoneName), byPeriod: new Map(), lastAt: Number.NaN, last: undefined };
      zones.set(zoneName, entry);
    }
    if (at === entry.lastAt) return entry.last!;
    const local = Object.freeze(wallClock(zoneName, at, offsetAt(entry, at)));
    entry.lastAt = at;
    entry.last = local;
    return local;
  };
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * `2026-03-10T` by local day number, and `-07:00` by offset: a stream of calls falls on a few hundred days and a
 * dozen offsets, so the strings are built once each instead of from a Date per call. Bounded like the offsets.
 */
const datePrefixes = new Map<number, string>();
const offsetSuffixes = new Map<number, string>();

function datePrefix(localDay: number): string {
  let prefix = datePrefixes.get(localDay);
  if (prefix === undefined) {
    if (datePrefixes.size >= MAX_CACHED_PERIODS_PER_ZONE) datePrefixes.clear();
    const date = new Date(localDay * DAY_MS);
    prefix = `${String(date.getUTCFullYear()).padStart(4, '0')}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}T`;
    datePrefixes.set(localDay, prefix);
  }
  return prefix;
}

function offsetSuffix(offsetMinutes: number): string {
  let suffix = offsetSuffixes.get(offsetMinutes);
  if (suffix === undefined) {
    const absoluteOffset = Math.abs(offsetMinutes);
    suffix = `${offsetMinutes < 0 ? '-' : '+'}${twoDigits(Math.floor(absoluteOffset / 60))}:${twoDigits(absoluteOffset % 60)}`;
    offsetSuffixes.set(offsetMinutes, suffix);
  }
  return suffix;
}

/** Formats as luxon's `toISO({ suppressMilliseconds: true })` does. */
function wallClock(zone: string, at: number, offsetMinutes: number): LocalTime {
  const local = at + offsetMinutes * 60_000;
  const localDay = Math.floor(local / DAY_MS);
  const msOfDay = local - localDay * DAY_MS;
  const second = Math.floor(msOfDay / 1000);
  const millis = msOfDay - second * 1000;
  const hours = Math.floor(second / 3600);
  const minutes = Math.floor(second / 60) % 60;
  const seconds = second % 60;
  const iso =
    `${datePrefix(localDay)}${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}` +
    (millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`) +
    offsetSuffix(offsetMinutes);
  return { zone, iso, secondOfDay: second };
}
