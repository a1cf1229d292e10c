import { describe, expect, it } from 'vitest';
import type { NumberFacts } from '../../src/core/facts.js';
import { LeadNumberStrategy } from '../../src/dialer/lead-number-strategy.js';
import { directStrategy, type ResolutionStrategy } from '../../src/resolve/resolve-attempt.js';

/** A strategy that counts the numbers it is asked for, answering as the direct one does. */
function countingStrategy(): { strategy: ResolutionStrategy; asked: string[] } {
  const asked: string[] = [];
  return { asked, strategy: { number: (input) => (asked.push(input), directStrategy.number(input)), localTime: directStrategy.localTime } };
}

describe('LeadNumberStrategy', () => {
  it("resolves the screened row's phone once, on the row, and gives the same facts as its base", () => {
    const { strategy, asked } = countingStrategy();
    const numbers = new LeadNumberStrategy(strategy);
    const row: { lead: { phone: string }; number: NumberFacts | undefined } = { lead: { phone: '+13035550123' }, number: undefined };
    for (let screening = 0; screening < 3; screening++) {
      numbers.screening(row);
      expect(numbers.number('+13035550123')).toEqual(directStrategy.number('+13035550123'));
      numbers.screened();
    }
    expect(asked).toEqual(['+13035550123']);
    expect(row.number).toEqual(directStrategy.number('+13035550123'));
  });

  it("asks its base for any other number, and for the row's own outside a screening", () => {
    const { strategy, asked } = countingStrategy();
    const numbers = new LeadNumberStrategy(strategy);
    const row = { lead: { phone: '(303) 555-0123' }, number: undefined };
    numbers.screening(row);
    expect(numbers.number('+14165550123')).toEqual(directStrategy.number('+14165550123'));
    expect(numbers.number('(303) 555-0123')).toEqual(directStrategy.number('(303) 555-0123'));
    numbers.screened();
    expect(numbers.number('(303) 555-0123')).toEqual(directStrategy.number('(303) 555-0123'));
    expect(asked).toEqual(['+14165550123', '(303) 555-0123', '(303) 555-0123']);
  });
});
