import { CANADA_FACTS } from '../policies/canada/canada-facts.js';
import { PROVINCE_TABLE } from '../policies/canada-provinces/province-table.js';
import { stateSection } from './render-state-table.js';
import { FINRA_FACTS } from '../policies/finra/finra-facts.js';
import { BROKER_DEALER_FACTS } from '../policies/us-federal/broker-dealer.js';
import type { FactsPage } from './render-facts-page.js';

/** The fact pages of the Canadian and FINRA packs: what each fact is, and how dialsim reads the unconfirmed ones. */

export const CANADA_PAGE: FactsPage = {
  path: 'docs/rules/canada.md',
  title: "Canada's facts (pack `canada`)",
  intro: [
    'The facts `hours.canada`, `dnc.canada`, `dnc.canada-stale` and `consent.adad-canada` read, from policies/canada/canada-facts.ts, and the province rows the opt-in pack `canada-provinces` reads (below). ' +
      'The pack covers Canadian numbers (libphonenumber region CA): their candidate zones and provinces come from the same ' +
      "numbering data as US numbers', and `callee.state` takes a province or territory code. `dnc.internal` applies as everywhere; " +
      'no US rule (federal or state) does.',
    'How dialsim reads what is unconfirmed: the ADAD hours are read as the telemarketing hours (`hours.canada` screens a ' +
      "prerecorded call like any other); the predictive dialer's abandonment cap is 5% [S] measured per calendar month [U] " +
      '(the window is not confirmed: the simulator reports it with that mark). An autodialed call with a live agent is not an ADAD ' +
      'call, so `consent.adad-canada` speaks only to `method: prerecorded`; like every consent rule it reaches informational ' +
      'calls and business lines (the stricter reading).',
    'Not modelled (noticed, left for later): DNCL registration and subscription duties (a seller must register even for exempt ' +
      "calls); the 31 days before a consumer's registration takes effect (a registration dialsim is shown is in force); the internal " +
      "list's 14-day grace (dnc.internal blocks at once: the stricter reading); provincial layers beyond what jurisdictions.md F2 found " +
      "(Newfoundland's St. Patrick's Day ban, whose statute was not located; Quebec's itinerant-merchant contracts, which are about the sale, not the call).",
  ],
  facts: CANADA_FACTS,
  sections: [
    '## Province rows',
    '',
    'What a province\'s own law adds, as `days.province` and `frequency.province` read it (pack `canada-provinces`, chosen by name: the ' +
      "check contract's Canadian rules are the four above), in the shape of the [state table](states.md). " +
      'A province without a row adds nothing; every candidate province counts (the area code\'s and `callee.state`). A Canadian number ' +
      'whose province is unknown is not screened by these rules (no guard stands in: the contract\'s Canadian rules do not depend on the province).',
    '',
    ...PROVINCE_TABLE.flatMap(stateSection),
  ],
  labels: {
    weekdayWindow: 'calling hours, Monday to Friday',
    weekendWindow: 'calling hours, Saturday and Sunday',
    dnclMaxAgeDays: 'largest age of the DNCL copy used (days)',
    transactionMonths: 'DNCL exemption: months since a purchase',
    inquiryMonths: 'DNCL exemption: months since an inquiry',
    expressConsentLiftsDncl: 'DNCL exemption: express consent (oral or written)',
    businessCallsExempt: 'DNCL exemption: calls to businesses',
    internalList: "the seller's internal do-not-call list",
    adadNeedsExpressConsent: 'ADAD (prerecorded) calls need express consent; no relationship basis',
    adadHours: 'ADAD calling hours',
    abandonmentCapPercent: 'predictive-dialer abandonment cap (%)',
    abandonmentWindow: 'abandonment measured over',
  },
};

export const FINRA_PAGE: FactsPage = {
  path: 'docs/rules/finra.md',
  title: "FINRA Rule 3230's facts (pack `finra`), and the federal rules for broker-dealers",
  intro: [
    'The facts `hours.finra` and `dnc.finra` read, from policies/finra/finra-facts.ts. The pack covers calls by a broker-dealer ' +
      '(`caller.kind: broker-dealer`, a FINRA member firm) to US numbers, and no other caller\'s.',
    "For a broker-dealer's call the federal rules cite only 47 CFR 64.1200, because the Telemarketing Sales Rule does not reach " +
      "broker-dealers (MSRB Notice 2005-20 [P]; FINRA's FAQ [P]), and they take the FCC's exemptions: `hours.federal` is lifted by " +
      "an established business relationship or the callee's prior express consent (the FCC's \"telephone solicitation\" excludes " +
      'those calls), `dnc.national` by a relationship, written consent or a personal relationship. For every other seller the TSR ' +
      'still applies: its window yields only to consent to be called at such hours, which a consent on file is not.',
    "How dialsim reads what is unconfirmed: the rule text itself was not read (only FINRA's FAQ, the Federal Register notices and " +
      "secondary copies), so the paragraph letters are marked. The time-of-day rule's third exception, a callee who is a broker " +
      'or dealer, cannot be said in a request and never lifts the rule (the stricter reading). The firm-specific list is `dnc.internal`, ' +
      'blocking for good (the 5 years vs indefinitely conflict of jurisdictions.md E2 read the stricter way).',
    'State laws still apply to broker-dealers (Oklahoma\'s exemption for licensed securities brokers is not modelled: the stricter reading), so ' +
      'a call at 21:30 to an existing customer passes the federal and FINRA rules but is still blocked where a state\'s own window ends at 21:00.',
  ],
  facts: { ...FINRA_FACTS, ...BROKER_DEALER_FACTS },
  labels: {
    window: "calling hours to a residence (callee's local time)",
    windowExceptions: 'what lifts the calling hours',
    dncExceptions: 'what lifts the national registry (Rule 3230(b))',
    relationshipMonths: 'established business relationship (months)',
    disclosure: 'what the caller discloses',
    tsrDoesNotReach: 'the Telemarketing Sales Rule does not reach broker-dealers',
    telephoneSolicitationExcludes: 'what the FCC\'s "telephone solicitation" excludes (lifts hours.federal for a broker-dealer)',
    personalRelationship: "the FCC's personal-relationship exemption (lifts dnc.national for a broker-dealer)",
  },
};
