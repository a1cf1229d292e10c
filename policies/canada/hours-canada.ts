import { dayName, weekdayOf } from '../../src/core/calendar.js';
import { whenClockReads, withBlockLasts } from '../../src/core/block-lasts.js';
import type { LocalTime, ScreeningFacts } from '../../src/core/facts.js';
import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { CANADA_FACTS } from './canada-facts.js';
import { insideWindow, secondOfDay, wallClock as clockOf, type ClockWindow } from '../../src/core/clock.js';

/** The window of a callee-local day: weekdays 09:00–21:30, Saturday and Sunday 10:00–18:00. */
function windowOn(local: LocalTime): { window: ClockWindow; days: string } {
  const day = weekdayOf(local.iso.slice(0, 10));
  return day === 'saturday' || day === 'sunday'
    ? { window: CANADA_FACTS.weekendWindow.value, days: 'weekend' }
    : { window: CANADA_FACTS.weekdayWindow.value, days: 'weekday' };
}

/**
 * How long the rule's block lasts: while any zone is outside its day's window, so until the last of them reaches
 * the window's start, or midnight when it is past the end (the next day may have other hours).
 */
function blockLasts(facts: ScreeningFacts): number {
  let lasts = facts.at;
  for (const local of facts.callee.localTimes) {
    const { window } = windowOn(local);
    if (insideWindow(local.secondOfDay, window)) continue;
    const opens = secondOfDay(window.from);
    lasts = Math.max(lasts, whenClockReads(facts.at, local.secondOfDay, local.secondOfDay < opens ? opens : 0));
  }
  return lasts;
}

export const hoursCanada = withBlockLasts(definePolicy({
  id: 'hours.canada',
  title: 'Telemarketing calls to Canada only 09:00–21:30 on weekdays, 10:00–18:00 on weekends',
  citation: CANADA_FACTS.weekdayWindow.citation,
  description:
    "Blocks a telemarketing call to a Canadian callee outside 09:00–21:30 Monday to Friday or 10:00–18:00 Saturday " +
    "and Sunday, in the callee's local time, in ANY candidate zone (the start is allowed, the end blocked). The day " +
    "is the callee's local day in each zone. The CRTC's hours reach business callees too: only the DNCL exempts calls " +
    'to businesses. Prerecorded (ADAD) calls keep the same hours (unconfirmed, the stricter reading: docs/rules/canada.md).',
  exemptions: ['Informational calls (`purpose: informational`): surveys, collections and the like are not telemarketing.'],
  requires: ['localTime'],
  timeRule: true,
  messages: {
    outside: "{localTime} on a {day} in {zone} is outside Canada's {days} calling hours, {from}–{to}",
    outsideInSeveralZones: "outside Canada's calling hours in {count} of the candidate zones: {cases}",
  },
  applies: (facts) => facts.purpose === 'telemarketing',
  evaluate: (facts) => {
    const outside = facts.callee.localTimes.flatMap((local) => {
      const { window, days } = windowOn(local);
      return insideWindow(local.secondOfDay, window) ? [] : [{ local, window, days }];
    });
    if (outside.length === 0) return pass;
    if (outside.length > 1) {
      return violation('outsideInSeveralZones', {
        count: outside.length,
        cases: outside.map(({ local, window }) => `${clockOf(local.iso)} in ${local.zone} (${window.from}–${window.to})`).join(', '),
      });
    }
    const [{ local, window, days }] = outside as [(typeof outside)[number]];
    return violation('outside', {
      localTime: clockOf(local.iso),
      day: dayName(weekdayOf(local.iso.slice(0, 10))),
      zone: local.zone,
      days,
      from: window.from,
      to: window.to,
    });
  },
  examples: [
    {
      title: 'Saturday 17:59 in Toronto',
      request: { at: '2026-03-14T17:59:00-04:00', to: '+1 416 555 0199', method: 'manual', caller: { seller: 'acme' }, registries: { canada: { syncedAt: '2026-03-01', numbers: [] } } },
      verdict: 'allow',
    },
    {
      title: 'Saturday 18:00 in Toronto',
      request: { at: '2026-03-14T18:00:00-04:00', to: '+1 416 555 0199', method: 'manual', caller: { seller: 'acme' }, registries: { canada: { syncedAt: '2026-03-01', numbers: [] } } },
      verdict: 'block',
    },
  ],
}), blockLasts);
