import { establishedRelationship, expressConsent, US_RELATIONSHIP_MONTHS } from '../../src/core/established-relationship.js';
import { whenClockReads, withBlockLasts } from '../../src/core/block-lasts.js';
import { wallClock } from '../../src/core/clock.js';
import type { LocalTime, ScreeningFacts } from '../../src/core/facts.js';
import { definePolicy, lifted, pass, violation } from '../../src/core/policy.js';
import { fccAndTsrCitation, isBrokerDealer } from './broker-dealer.js';

const WINDOW_START = 8 * 3600;
const WINDOW_END = 21 * 3600;

/** How long the rule's block lasts: while any zone is outside the window, so until the last of them reaches 08:00. */
function blockLasts(facts: ScreeningFacts): number {
  // A broker-dealer's exemptions read relationship dates that a later moment may reach: no jump is promised then.
  if (isBrokerDealer(facts)) return facts.at;
  let lasts = facts.at;
  for (const local of facts.callee.localTimes) {
    if (local.secondOfDay < WINDOW_START || local.secondOfDay >= WINDOW_END) lasts = Math.max(lasts, whenClockReads(facts.at, local.secondOfDay, WINDOW_START));
  }
  return lasts;
}

export const hoursFederal = withBlockLasts(definePolicy({
  id: 'hours.federal',
  title: 'Telemarketing calls only between 08:00 and 21:00 local time',
  ...fccAndTsrCitation('47 CFR 64.1200(c)(1)', '16 CFR 310.4(c)'),
  description:
    "Blocks a telemarketing call to a residential callee when the callee's local time is before 08:00 or at or " +
    'after 21:00 in ANY candidate zone (08:00:00 is allowed, 21:00:00 is blocked). The zones are `callee.timeZone` ' +
    'when given, otherwise every zone the number\'s area code serves: 208 spans Boise (Mountain) and the Pacific ' +
    'panhandle, so both must be inside the window. For a broker-dealer (`caller.kind: broker-dealer`) the rule is ' +
    "the FCC's alone (the TSR does not reach broker-dealers) and takes the FCC's exemptions; FINRA Rule 3230(a)(1) " +
    'sets the same window in hours.finra.',
  exemptions: [
    'Informational calls (`purpose: informational`) are not telephone solicitations.',
    'Business lines (`callee.business: true`): the rule protects residential subscribers.',
    "Broker-dealers only: an established business relationship (a transaction within 18 months, an inquiry within 3) or the callee's prior express consent (either kind) to this seller, because the FCC's \"telephone solicitation\" excludes those calls (47 CFR 64.1200(f)(15)). For every other caller the TSR applies, and its window yields only to consent to be called at such hours, which a consent on file is not.",
  ],
  requires: ['localTime'],
  timeRule: true,
  messages: {
    beforeWindow: '{localTime} in {zone} is before 08:00',
    afterWindow: '{localTime} in {zone} is at or after 21:00',
    outsideInSeveralZones: 'outside 08:00–21:00 in {count} of the candidate zones: {zones}',
    brokerDealerRelationship:
      "{when} is outside 08:00–21:00, but a broker-dealer's call to a callee with an established business relationship ({relationship} on {date}) is not a telephone solicitation under the FCC's rule",
    brokerDealerConsent:
      "{when} is outside 08:00–21:00, but the callee gave {seller} {consentKind} on {date}, so a broker-dealer's call is not a telephone solicitation under the FCC's rule",
  },
  applies: (facts) => facts.purpose === 'telemarketing' && !facts.callee.business,
  evaluate: (facts) => {
    const outside = facts.callee.localTimes.filter((local) => local.secondOfDay < WINDOW_START || local.secondOfDay >= WINDOW_END);
    if (outside.length === 0) return pass;
    if (isBrokerDealer(facts)) {
      const when = outside.map((local) => `${wallClock(local.iso)} in ${local.zone}`).join(', ');
      const relationship = establishedRelationship(facts.relationship, facts.at, US_RELATIONSHIP_MONTHS);
      if (relationship !== undefined) return lifted('brokerDealerRelationship', { when, relationship: relationship.kind, date: relationship.date });
      const consent = expressConsent(facts.consents);
      if (consent !== undefined) return lifted('brokerDealerConsent', { when, seller: facts.seller, consentKind: consent.kind, date: consent.date });
    }
    if (outside.length > 1) {
      return violation('outsideInSeveralZones', {
        count: outside.length,
        zones: outside.map((local) => `${wallClock(local.iso)} in ${local.zone}`).join(', '),
      });
    }
    const [local] = outside as [LocalTime];
    return violation(local.secondOfDay < WINDOW_START ? 'beforeWindow' : 'afterWindow', {
      localTime: wallClock(local.iso),
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
}), blockLasts);
