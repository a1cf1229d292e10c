import { DateTime } from 'luxon';
import { zonesForNanpNumber } from '../resolve/time-zones.js';
import type { Picker } from './random-pick.js';
import type { Situation } from './situation.js';

/** The pools a drill's facts are drawn from: sellers, floors, area codes and dates. */

export const SELLERS = ['acme', 'brightside-solar', 'northwind-insurance'] as const;
export const FLOOR_ZONES = ['America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/Phoenix'] as const;
/** Area codes whose whole territory is in one zone, across the four mainland zones and Arizona. */
export const ONE_ZONE_AREA_CODES = ['212', '305', '404', '617', '312', '214', '615', '303', '602', '415', '206', '503'] as const;
/** Area codes that span two or more zones: every one of them must be inside the window. */
export const MULTI_ZONE_AREA_CODES = ['208', '541', '850', '270', '605'] as const;
export const TOLL_FREE = ['800', '888', '877'] as const;
export const CANADIAN = ['416', '604', '514'] as const;
/** One-zone area codes of states with no calling window of their own (Georgia, Ohio, Arizona): federal hours alone. */
export const NO_STATE_WINDOW_AREA_CODES = ['404', '614', '602'] as const;

export function subscriber(p: Picker): string {
  return `555-01${String(p.int(0, 99)).padStart(2, '0')}`;
}

export function leadNumber(p: Picker, areaCode: string): string {
  return `(${areaCode}) ${subscriber(p)}`;
}

/** The zones the engine will find for a number, so the sampler can set a clock in one of them. */
export function zonesOf(to: string): readonly string[] {
  const digits = to.replace(/\D/g, '');
  return digits.length === 10 ? zonesForNanpNumber(`+1${digits}`) : [];
}

/** A weekday of 2026 away from the two DST weekends, as `yyyy-MM-dd`. */
export function ordinaryDate(p: Picker): string {
  for (;;) {
    const date = DateTime.fromObject({ year: 2026, month: 1, day: 5 }, { zone: 'utc' }).plus({ days: p.int(0, 340) });
    if (date.weekday <= 5 && !['2026-03-09', '2026-11-02'].includes(date.toISODate()!)) return date.toISODate()!;
  }
}

export function clock(hour: number, minute: number, second = 0): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}`;
}

/** A clean call: mid-day, manual, a residential landline, a fresh registry copy that does not list it. Nothing blocks it. */
export function baseline(p: Picker): Situation {
  const to = leadNumber(p, p.pick(ONE_ZONE_AREA_CODES));
  return {
    to,
    clockZone: zonesOf(to)[0]!,
    localDate: ordinaryDate(p),
    localTime: clock(p.int(9, 19), p.int(0, 11) * 5),
    floorZone: p.pick(FLOOR_ZONES),
    seller: p.pick(SELLERS),
    method: 'manual',
    purpose: 'telemarketing',
    lineType: 'landline',
    business: false,
    addressZone: null,
    registry: { copy: 'present', age: { days: p.int(2, 25) }, listed: false, dateOnly: true },
    internalListed: false,
    consents: [],
    transactionAgo: null,
    inquiryAgo: null,
  };
}

export function otherSeller(p: Picker, seller: string): string {
  return p.pick(SELLERS.filter((candidate) => candidate !== seller));
}
