import type { CitedFact } from '../../src/core/cited-fact.js';
import type { ScreeningFacts } from '../../src/core/facts.js';

/**
 * How the federal rules treat a broker-dealer's call, as facts with their marks (shown on docs/rules/finra.md): the
 * Telemarketing Sales Rule does not reach broker-dealers, so a federal rule written on both the FCC's rule and the
 * TSR cites only 47 CFR 64.1200 for their calls, and takes the FCC's exemptions.
 */
export const BROKER_DEALER_FACTS = {
  tsrDoesNotReach: {
    value: true,
    citation: 'MSRB Notice 2005-20; FINRA Rule 3230 FAQ',
    confidence: 'P',
    source: 'jurisdictions.md E2: "The FCC\'s do-not-call rules apply to brokers, dealers and municipal securities dealers while the FTC\'s rules do not" [P]',
  },
  telephoneSolicitationExcludes: {
    value: ["the callee's prior express invitation or permission", 'an established business relationship'],
    citation: '47 CFR 64.1200(f)(15)',
    confidence: 'U',
    source: 'rules.md §1: the prior-permission exclusion quoted in a repository [S], the relationship exclusion [M]',
    note: "So hours.federal is lifted for a broker-dealer's call to a customer or to a callee who consented (either kind), as the check contract says; the mark is the weaker of the two.",
  },
  personalRelationship: {
    value: 'a personal relationship of the caller with the callee lifts the national registry',
    citation: '47 CFR 64.1200(c)(2)(iii)',
    confidence: 'U',
    source: 'rules.md §2: FINRA 3230(b)(3) [S]; the FCC paragraph [M]',
    note: 'dnc.national takes it for broker-dealers only (the check contract); the TSR, which governs every other seller, has no such exemption.',
  },
} as const satisfies Record<string, CitedFact<unknown>>;

export function isBrokerDealer(facts: ScreeningFacts): boolean {
  return facts.callerKind === 'broker-dealer';
}

/** A rule's citation under the FCC's rule and the TSR, and the citation for each call: the FCC's alone for a broker-dealer. */
export function fccAndTsrCitation(fcc: string, tsr: string): { readonly citation: string; citationFor(facts: ScreeningFacts): string } {
  const both = `${fcc}; ${tsr}`;
  return { citation: both, citationFor: (facts) => (isBrokerDealer(facts) ? fcc : both) };
}
