import type { LocalTime } from '../../src/core/facts.js';
import { definePolicy, pass, violation } from '../../src/core/policy.js';

const WINDOW_START = 8 * 3600;
const WINDOW_END = 21 * 3600;

/** "20:59", or "07:59:59" when the seconds matter. */
function wallClock(local: LocalTime): string {
  return local.iso.slice(17, 19) === '00' ? local.iso.slice(11, 16) : local.iso.slice(11, 19);
}

export const hoursFederal = definePolicy({
  id: 'hours.federal',
  title: 'Telemarketing calls only between 08:00 and 21:00 local time',
  citation: '47 CFR 64.1200(c)(1); 16 CFR 310.4(c)',
  description:
    "Blocks a telemarketing call to a residential callee when the callee's local time is before 08:00 or at or " +
    'after 21:00 in ANY candidate zone (08:00:00 is allowed, 21:00:00 is blocked). The zones are `callee.timeZone` ' +
    'when given, otherwise every zone the number\'s area code serves: 208 spans Boise (Mountain) and the Pacific ' +
    'panhandle, so both must be inside the window. FINRA Rule 3230(a)(1) sets the same window for broker-dealers.',
  exemptions: [
    'Informational calls (`purpose: informational`) are not telephone solicitations.',
    'Business lines (`callee.business: true`): the rule protects residential subscribers.',
  ],
  requires: ['localTime'],
  timeRule: true,
  messages: {
    beforeWindow: '{localTime} in {zone} is before 08:00',
    afterWindow: '{localTime} in {zone} is at or after 21:00',
    outsideInSeveralZones: 'outside 08:00–21:00 in {count} of the candidate zones: {zones}',
  },
  applies: (facts) => facts.purpose === 'telemarketing' && !facts.callee.business,
  evaluate: (facts) => {
    const outside = facts.callee.localTimes.filter((local) => local.secondOfDay < WINDOW_START || local.secondOfDay >= WINDOW_END);
    if (outside.length === 0) return pass;
    if (outside.length > 1) {
      return violation('outsideInSeveralZones', {
        count: outside.length,
        zones: outside.map((local) => `${wallClock(local)} in ${local.zone}`).join(', '),
      });
    }
    const [local] = outside as [LocalTime];
    return violation(local.secondOfDay < WINDOW_START ? 'beforeWindow' : 'afterWindow', {
      localTime: wallClock(local),
      zone: local.zone,
    });
  },
  examples: [
    {
      title: '20:30 in Denver, placed from Los Angeles',
      request: { at: '2026-03-10T19:30:00-07:00', to: '(303) 555-0123', method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-03-01', numbers: [] }, states: { CO: { syncedAt: '2026-03-01', numbers: [] } } } },
      verdict: 'allow',
    },
    {
      title: '21:15 in Denver',
      request: { at: '2026-03-10T20:15:00-07:00', to: '(303) 555-0123', method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-03-01', numbers: [] } } },
      verdict: 'block',
    },
  ],
});
