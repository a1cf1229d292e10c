import type { CitedFact } from '../../src/core/cited-fact.js';

/**
 * Canada's federal telemarketing facts, each with its citation, confidence mark and source as ../shared/rules.md §9
 * and jurisdictions.md §F give them. The rules read these values; docs/rules/canada.md shows the marks. Where a fact
 * is unconfirmed (U) the rules take the stricter reading and say so.
 */

const UTR = 'CRTC Unsolicited Telecommunications Rules';

export const CANADA_FACTS = {
  weekdayWindow: {
    value: { from: '09:00', to: '21:30' },
    citation: `${UTR}, Part III (Telemarketing Rules)`,
    confidence: 'P',
    source: 'CRTC-RULES (rules.md §9); confirmed by jurisdictions.md F1',
    note: "Monday to Friday, in the called person's local time; a stricter provincial rule prevails.",
  },
  weekendWindow: {
    value: { from: '10:00', to: '18:00' },
    citation: `${UTR}, Part III (Telemarketing Rules)`,
    confidence: 'P',
    source: 'CRTC-RULES (rules.md §9); confirmed by jurisdictions.md F1',
    note: "Saturday and Sunday, in the called person's local time.",
  },
  dnclMaxAgeDays: {
    value: 31,
    citation: `${UTR}, Part II (National DNCL Rules)`,
    confidence: 'P',
    source: 'CRTC-RULES (rules.md §9)',
    note: 'The version of the list used must be at most 31 days old; read as 31 x 24 hours before the call, as the US copy.',
  },
  transactionMonths: {
    value: 18,
    citation: 'Telecommunications Act (DNCL exemptions); lnnte-dncl.gc.ca',
    confidence: 'P',
    source: 'lnnte-dncl.gc.ca pages ntr-nrt-eng, dncla-adncl-eng (rules.md §9); jurisdictions.md F1',
    note: 'Established business relationship: a purchase, lease or contract within the 18 months before the call.',
  },
  inquiryMonths: {
    value: 6,
    citation: 'Telecommunications Act (DNCL exemptions); lnnte-dncl.gc.ca',
    confidence: 'P',
    source: 'lnnte-dncl.gc.ca pages (rules.md §9); jurisdictions.md F1',
    note: 'Established business relationship: an inquiry or application within the 6 months before the call.',
  },
  expressConsentLiftsDncl: {
    value: true,
    citation: 'Telecommunications Act (DNCL exemptions); lnnte-dncl.gc.ca',
    confidence: 'P',
    source: 'lnnte-dncl.gc.ca pages (rules.md §9)',
    note: 'Express consent, oral or written: either kind of consent on file for this seller counts.',
  },
  businessCallsExempt: {
    value: true,
    citation: 'Telecommunications Act (DNCL exemptions); lnnte-dncl.gc.ca',
    confidence: 'P',
    source: 'lnnte-dncl.gc.ca pages (rules.md §9)',
    note: 'Calls to businesses are exempt from the DNCL rules (not from the calling hours).',
  },
  internalList: {
    value: 'a request not to be called is honoured; added within 14 days, kept 3 years and 14 days',
    citation: `${UTR}, Part III (Telemarketing Rules): internal do-not-call list`,
    confidence: 'P',
    source: 'CRTC-RULES (rules.md §9)',
    note: 'dnc.internal blocks from the moment of the request (the stricter reading of the 14 days) and for good (dialsim keeps no expiry).',
  },
  adadNeedsExpressConsent: {
    value: true,
    citation: `${UTR}, Part IV (ADAD Rules); Telecom Regulatory Policy CRTC 2014-155`,
    confidence: 'P',
    source: 'crtc.gc.ca/eng/archive/2014/2014-155.htm (rules.md §9; jurisdictions.md F1)',
    note: 'No established-business-relationship basis: the CRTC refused it in 2014-155. An autodialed call with a live agent is not an ADAD call.',
  },
  adadHours: {
    value: 'the telemarketing hours',
    citation: `${UTR}, Part IV (ADAD Rules)`,
    confidence: 'U',
    source: 'rules.md §9 [M]; jurisdictions.md F1 [U]',
    note: 'Unconfirmed: read as the telemarketing hours, so hours.canada screens prerecorded calls like any other.',
  },
  abandonmentCapPercent: {
    value: 5,
    citation: `${UTR}, Part III (Telemarketing Rules), predictive dialing; Telecom Decision CRTC 2004-35`,
    confidence: 'S',
    source: 'jurisdictions.md F1 (liquisearch predictive-dialer regulations) [S]; rules.md §9 [M]',
  },
  abandonmentWindow: {
    value: 'calendar-month',
    citation: `${UTR}, Part III (Telemarketing Rules), predictive dialing`,
    confidence: 'U',
    source: 'jurisdictions.md F1: a First Reference quiz says "in any calendar month" [U]; rules.md §9 says 24 h per campaign [M], not found',
    note: 'Unconfirmed: the simulator measures each calendar month (UTC) of a campaign and reports it with this mark.',
  },
} as const satisfies Record<string, CitedFact<unknown>>;
