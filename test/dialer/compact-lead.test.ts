import { describe, expect, it } from 'vitest';
import type { Consent } from '../../src/core/attempt.js';
import { parseLead, type Lead } from '../../src/dialer/campaign-config.js';
import { aLead } from '../../src/testing/a-lead.js';
import { LeadCompactor } from '../../src/dialer/compact-lead.js';

/**
 * A lead as the campaign config holds it once parsed: the kit's input lead (with the one consent the compactor shares
 * most), through the config's own parser; parsed fields overridden after.
 */
function parsedLead(overrides: Partial<Lead> = {}): Lead {
  const input = aLead({ id: 'L1', phone: '+13035550123', lineType: 'mobile', consents: [{ kind: 'prior-express-written', seller: 'acme', grantedAt: '2025-06-01' }] });
  return { ...parseLead(input, 'the test lead'), ...overrides };
}

describe('LeadCompactor', () => {
  it('gives leads of the same values, two leads with the same consents and no relationship sharing them', () => {
    const compactor = new LeadCompactor();
    const first = parsedLead({ id: 'L1' });
    const second = parsedLead({ id: 'L2', attributes: { Zip: '80202' } });
    const [a, b] = [compactor.compact(first), compactor.compact(second)];
    expect(a).toEqual(first);
    expect(b).toEqual(second);
    expect(Object.keys(b)).toEqual(Object.keys(second));
    expect(a.consents).toBe(b.consents);
    expect(a.relationship).toBe(b.relationship);
    expect(Object.isFrozen(a.consents[0])).toBe(true);
  });

  it('keeps apart consents that differ in any field, and relationships with a date or `personal`', () => {
    const compactor = new LeadCompactor();
    const consent: Consent = { kind: 'prior-express-written', seller: 'acme', grantedAt: 1, revokedAt: null };
    const variants: Consent[] = [consent, { ...consent, kind: 'prior-express' }, { ...consent, seller: 'other' }, { ...consent, grantedAt: 2 }, { ...consent, revokedAt: 3 }];
    const lists = variants.map((variant) => compactor.compact(parsedLead({ consents: [variant] })).consents);
    expect(new Set(lists).size).toBe(variants.length);
    lists.forEach((list, index) => expect(list).toEqual([variants[index]]));
    const dated = { lastTransactionAt: 5, lastInquiryAt: null };
    const personal = { lastTransactionAt: null, lastInquiryAt: null, personal: false };
    expect(compactor.compact(parsedLead({ relationship: dated })).relationship).toBe(dated);
    expect(compactor.compact(parsedLead({ relationship: personal })).relationship).toBe(personal);
  });

  it("never takes one lead's consents for another's, whatever characters a seller's name holds", () => {
    const compactor = new LeadCompactor();
    const two: Consent[] = [
      { kind: 'prior-express-written', seller: 'acme', grantedAt: 5, revokedAt: null },
      { kind: 'prior-express', seller: 'T', grantedAt: 7, revokedAt: null },
    ];
    // One consent whose seller spells out the two above as a key joined by control characters would.
    const one: Consent[] = [{ kind: 'prior-express-written', seller: 'acme\u00005\u0000null\u0001prior-express\u0000T', grantedAt: 7, revokedAt: null }];
    expect(compactor.compact(parsedLead({ consents: two })).consents).toEqual(two);
    expect(compactor.compact(parsedLead({ consents: one })).consents).toEqual(one);
  });

  it('leaves a consent with a field it does not know as it is', () => {
    const compactor = new LeadCompactor();
    const consents = [{ kind: 'prior-express-written', seller: 'acme', grantedAt: 1, revokedAt: null, scope: 'sms' } as Consent];
    expect(compactor.compact(parsedLead({ consents })).consents).toBe(consents);
  });
});
