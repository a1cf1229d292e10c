import type { ScreeningFacts } from '../../src/core/facts.js';

/**
 * The citation of a rule every jurisdiction shares, for the number's own country: Canada's, or the US one (which
 * `us` may narrow further, to the FCC's alone for a broker-dealer).
 */
export function citationForCountry(canada: string, us: (facts: ScreeningFacts) => string): (facts: ScreeningFacts) => string {
  return (facts) => (facts.number.region === 'CA' ? canada : us(facts));
}
