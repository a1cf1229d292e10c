import { describe, expect, it } from 'vitest';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { aRegistry } from '../../../src/testing/a-registry.js';
import { aRelationship } from '../../../src/testing/a-relationship.js';

const CHICAGO = '+1 312 555 0188';

function setup() {
  const onRegistry = aRegistry({ national: [CHICAGO] });
  return {
    purchase: screen(anAttempt({ registries: onRegistry, relationship: aRelationship({ lastTransactionAt: '2025-03-15' }) })),
    noRelationship: screen(anAttempt({ registries: onRegistry })),
  };
}

describe('toHaveExemption', () => {
  it('passes when the rule was lifted, by the exemption and with the data when given', () => {
    const { purchase } = setup();
    expect(purchase).toHaveExemption('dnc.national');
    expect(purchase).toHaveExemption('dnc.national', { messageId: 'transaction', data: { date: '2025-03-15' } });
  });

  it('fails when another exemption lifted the rule', () => {
    expect(() => expect(setup().purchase).toHaveExemption('dnc.national', { messageId: 'inquiry' })).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(decision).toHaveExemption("dnc.national", {"messageId":"inquiry"})

      Expected: dnc.national with messageId "inquiry" lifted by an exemption
      Received: allowed, with 1 exemption
        ↷ dnc.national (transaction) lifted: established business relationship: transaction on 2025-03-15, within the 18 months before the call]
    `);
  });

  it('fails when nothing lifted the rule, listing the violation that stands', () => {
    expect(() => expect(setup().noRelationship).toHaveExemption('dnc.national')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(decision).toHaveExemption("dnc.national")

      Expected: dnc.national lifted by an exemption
      Received: blocked by 1 rule
        ✖ dnc.national (onRegistry) +13125550188 is on the national do-not-call registry and no exemption applies (no purchase within 18 months, no inquiry within 3 months, no written consent to acme)]
    `);
  });

  it('.not passes when the rule was not lifted and fails when it was', () => {
    const { noRelationship, purchase } = setup();
    expect(noRelationship).not.toHaveExemption('dnc.national');
    expect(() => expect(purchase).not.toHaveExemption('dnc.national')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(decision).not.toHaveExemption("dnc.national")

      Expected: not dnc.national lifted by an exemption
      Received: allowed, with 1 exemption
        ↷ dnc.national (transaction) lifted: established business relationship: transaction on 2025-03-15, within the 18 months before the call]
    `);
  });

  it('refuses what is not a decision', () => {
    expect(() => expect('allow').toHaveExemption('dnc.national')).toThrow('toHaveExemption: expected a dialsim Decision (what screen() returns), received "allow"');
  });
});
