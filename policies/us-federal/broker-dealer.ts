import type { ScreeningFacts } from '../../src/core/facts.js';

/**
 * The Telemarketing Sales Rule does not reach broker-dealers: the FTC's rules do not apply to them, the FCC's do
 * (MSRB Notice 2005-20 [P]; FINRA's Rule 3230 FAQ [P], jurisdictions.md E2). A federal rule written on both
 * therefore cites only 47 CFR 64.1200 for a broker-dealer's call.
 */
export function isBrokerDealer(facts: ScreeningFacts): boolean {
  return facts.callerKind === 'broker-dealer';
}

/** A rule's citation under the FCC's rule and the TSR, and the citation for each call: the FCC's alone for a broker-dealer. */
export function fccAndTsrCitation(fcc: string, tsr: string): { readonly citation: string; citationFor(facts: ScreeningFacts): string } {
  const both = `${fcc}; ${tsr}`;
  return { citation: both, citationFor: (facts) => (isBrokerDealer(facts) ? fcc : both) };
}
