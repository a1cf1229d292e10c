import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { InputError } from '../../../src/core/input-error.js';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { dncNational } from '../../../policies/us-federal/index.js';
import { expressConsent, writtenConsent } from '../../support/consents.js';
import { exemptionOf, rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is placed 2026-03-10T14:00:00-05:00, i.e. 2026-03-10T19:00:00Z, to +1 312 555 0188.

/** The default request with +1 312 555 0188 on a fresh national registry copy, then `overrides`. */
function listed(overrides: Partial<CheckRequestInput> = {}): Partial<CheckRequestInput> {
  return { registries: { national: { syncedAt: '2026-03-01', numbers: ['+13125550188'] } }, ...overrides };
}

const ON_REGISTRY = { messageId: 'onRegistry' as const, data: { e164: '+13125550188', seller: 'acme' } };

/** A call in April, when 3 calendar months back crosses the change to summer time. */
const APRIL_CALL = { at: '2026-04-10T14:00:00-05:00', registries: { national: { syncedAt: '2026-04-01', numbers: ['+13125550188'] } } };

// Screened with dnc.national alone: the freshness of the copy is dnc.registry-stale's (see the pack tests below).
testPolicy(dncNational, {
  allowed: [
    // Registry membership.
    { name: 'a copy listing only +1 312 555 0189 lets +1 312 555 0188 through', request: listed({ registries: { national: { syncedAt: '2026-03-01', numbers: ['+13125550189'] } } }) },
    { name: 'without a national copy the number cannot be found listed', request: listed({ registries: { internal: { numbers: [] } } }) },

    // Established business relationship: a transaction within 18 calendar months (UTC).
    {
      name: 'a transaction at 2024-09-10T19:00:00Z, 18 months to the day before the call, lifts it',
      request: listed({ relationship: { lastTransactionAt: '2024-09-10T19:00:00Z' } }),
      exemptions: [{ messageId: 'transaction', data: { date: '2024-09-10' } }],
    },
    {
      name: 'a transaction at the instant of the call counts',
      request: listed({ relationship: { lastTransactionAt: '2026-03-10T19:00:00Z' } }),
      exemptions: [{ messageId: 'transaction', data: { date: '2026-03-10' } }],
    },
    {
      name: 'a transaction 17 months back and an inquiry 4 months back: the transaction lifts it',
      request: listed({ relationship: { lastTransactionAt: '2024-10-10', lastInquiryAt: '2025-11-10' } }),
      exemptions: [{ messageId: 'transaction', data: { date: '2024-10-10' } }],
    },

    // Established business relationship: an inquiry within 3 calendar months (UTC).
    {
      name: 'an inquiry at 2025-12-10T19:00:00Z, 3 months to the day before the call, lifts it',
      request: listed({ relationship: { lastInquiryAt: '2025-12-10T19:00:00Z' } }),
      exemptions: [{ messageId: 'inquiry', data: { date: '2025-12-10' } }],
    },
    {
      // On Chicago's calendar 3 months before 14:00 CDT would be 14:00 CST on 10 January, i.e. 20:00Z.
      name: 'months are counted in UTC: a call at 2026-04-10T19:00:00Z is lifted by an inquiry at 2026-01-10T19:00:00Z',
      request: listed({ ...APRIL_CALL, relationship: { lastInquiryAt: '2026-01-10T19:00:00Z' } }),
      exemptions: [{ messageId: 'inquiry', data: { date: '2026-01-10' } }],
    },

    // Prior express written consent to this seller.
    {
      name: 'written consent to acme granted 2025-01-02 lifts it',
      request: listed({ consents: [writtenConsent('acme', '2025-01-02T00:00:00Z')] }),
      exemptions: [{ messageId: 'writtenConsent', data: { seller: 'acme', date: '2025-01-02' } }],
    },
    {
      name: 'written consent revoked one second after the call still lifts it',
      request: listed({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:01Z')] }),
      exemptions: [{ messageId: 'writtenConsent', data: { seller: 'acme', date: '2025-01-02' } }],
    },

    // When the rule does not apply: allowed, and no exemption is reported.
    { name: 'a listed business line is allowed, with no exemption', request: listed({ callee: { business: true } }) },
    { name: 'an informational call to a listed number is allowed, with no exemption', request: listed({ purpose: 'informational' }) },
  ],
  blocked: [
    // Registry membership.
    { name: '+1 312 555 0188 on the national copy with no exemption is blocked', request: listed(), findings: [ON_REGISTRY] },
    {
      name: 'a registry entry written "(312) 555-0188" matches a call to "+1 312 555 0188"',
      request: listed({ registries: { national: { syncedAt: '2026-03-01', numbers: ['(312) 555-0188'] } } }),
      findings: [ON_REGISTRY],
    },
    {
      name: 'an entry "312.555.0188" matches a call to "13125550188"',
      request: listed({ to: '13125550188', registries: { national: { syncedAt: '2026-03-01', numbers: ['312.555.0188'] } } }),
      findings: [ON_REGISTRY],
    },

    // Established business relationship: a transaction within 18 calendar months (UTC).
    { name: 'a transaction one second more than 18 months back (2024-09-10T18:59:59Z) does not lift it', request: listed({ relationship: { lastTransactionAt: '2024-09-10T18:59:59Z' } }), findings: [ON_REGISTRY] },
    { name: 'a transaction one day more than 18 months back (2024-09-09T19:00:00Z) does not lift it', request: listed({ relationship: { lastTransactionAt: '2024-09-09T19:00:00Z' } }), findings: [ON_REGISTRY] },
    { name: 'a transaction one second after the call (2026-03-10T19:00:01Z) does not count', request: listed({ relationship: { lastTransactionAt: '2026-03-10T19:00:01Z' } }), findings: [ON_REGISTRY] },

    // Established business relationship: an inquiry within 3 calendar months (UTC).
    { name: 'an inquiry one second more than 3 months back (2025-12-10T18:59:59Z) does not lift it', request: listed({ relationship: { lastInquiryAt: '2025-12-10T18:59:59Z' } }), findings: [ON_REGISTRY] },
    { name: 'an inquiry one day more than 3 months back (2025-12-09T19:00:00Z) does not lift it', request: listed({ relationship: { lastInquiryAt: '2025-12-09T19:00:00Z' } }), findings: [ON_REGISTRY] },
    { name: 'an inquiry the day after the call (2026-03-11) does not count', request: listed({ relationship: { lastInquiryAt: '2026-03-11' } }), findings: [ON_REGISTRY] },
    {
      name: 'months are counted in UTC: a call at 2026-04-10T19:00:00Z is not lifted by an inquiry at 2026-01-10T18:59:59Z',
      request: listed({ ...APRIL_CALL, relationship: { lastInquiryAt: '2026-01-10T18:59:59Z' } }),
      findings: [ON_REGISTRY],
    },
    {
      name: 'an inquiry 4 months back (2025-11-10) is too old, though a transaction that old would count',
      request: listed({ relationship: { lastInquiryAt: '2025-11-10', lastTransactionAt: null } }),
      findings: [ON_REGISTRY],
    },

    // Prior express written consent to this seller.
    { name: 'written consent to another seller "globex" does not lift a call for acme', request: listed({ consents: [writtenConsent('globex', '2025-01-02')] }), findings: [ON_REGISTRY] },
    { name: 'seller names are case-sensitive: consent to "Acme" does not lift a call for "acme"', request: listed({ consents: [writtenConsent('Acme', '2025-01-02')] }), findings: [ON_REGISTRY] },
    { name: 'written consent revoked 2026-03-01, before the call, does not lift it', request: listed({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-01')] }), findings: [ON_REGISTRY] },
    { name: 'written consent revoked at the instant of the call does not lift it', request: listed({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:00Z')] }), findings: [ON_REGISTRY] },
    { name: 'written consent granted one second after the call does not lift it', request: listed({ consents: [writtenConsent('acme', '2026-03-10T19:00:01Z')] }), findings: [ON_REGISTRY] },
    { name: 'prior express consent that is not written does not lift it', request: listed({ consents: [expressConsent('acme', '2025-01-02')] }), findings: [ON_REGISTRY] },
  ],
});

/** Screens `overrides` of the listed request with the common rules and the US federal pack, pinned. */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  return screen(anAttempt(listed(overrides)), { packs: ['us-federal'] });
}

describe('dnc.national messages', () => {
  it('onRegistry names the number and the seller, with the rule citation', () => {
    const violation = violationOf(check(), 'dnc.national');
    expect(violation.message).toMatchInlineSnapshot(`"+13125550188 is on the national do-not-call registry and no exemption applies (no purchase within 18 months, no inquiry within 3 months, no written consent to acme)"`);
    expect(violation.citation).toBe('47 CFR 64.1200(c)(2); 16 CFR 310.4(b)(1)(iii)(B)');
  });

  it('transaction gives the date of the purchase', () => {
    expect(exemptionOf(check({ relationship: { lastTransactionAt: '2024-09-10T19:00:00Z' } }), 'dnc.national').reason).toMatchInlineSnapshot(`"established business relationship: transaction on 2024-09-10, within the 18 months before the call"`);
  });

  it('inquiry gives the date of the inquiry', () => {
    expect(exemptionOf(check({ relationship: { lastInquiryAt: '2025-12-10T19:00:00Z' } }), 'dnc.national').reason).toMatchInlineSnapshot(`"established business relationship: inquiry on 2025-12-10, within the 3 months before the call"`);
  });

  it('writtenConsent names the seller and the date of the grant', () => {
    expect(exemptionOf(check({ consents: [writtenConsent('acme', '2025-01-02T00:00:00Z')] }), 'dnc.national').reason).toMatchInlineSnapshot(`"prior express written consent to acme, granted 2025-01-02"`);
  });
});

describe('dnc.national input errors', () => {
  it('an invalid registry entry "555-0123" is an InputError naming registries.national.numbers[0]', () => {
    const attempt = anAttempt({ registries: { national: { syncedAt: '2026-03-01', numbers: ['555-0123', '+13125550188'] } } });
    let thrown: unknown;
    try {
      screen(attempt, { packs: ['us-federal'] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).problems).toEqual([{ path: 'registries.national.numbers[0]', message: '"555-0123" is not a valid phone number' }]);
    expect((thrown as InputError).message).toBe('registries.national.numbers[0]: "555-0123" is not a valid phone number');
  });
});

describe('dnc.national in the US federal pack', () => {
  it('on the registry with no exemption, dnc.national alone blocks', () => {
    expect(rulesOf(check())).toEqual({ verdict: 'block', violations: ['dnc.national'], exemptions: [] });
  });

  it('a listed number with a stale copy is reported by both dnc.registry-stale and dnc.national', () => {
    const decision = check({ registries: { national: { syncedAt: '2026-01-01', numbers: ['+13125550188'] } } });
    expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['dnc.registry-stale', 'dnc.national'], exemptions: [] });
  });

  it('without a national copy only dnc.registry-stale blocks', () => {
    expect(rulesOf(check({ registries: { internal: { numbers: [] } } }))).toEqual({ verdict: 'block', violations: ['dnc.registry-stale'], exemptions: [] });
  });

  it('a transaction within 18 months: the call is allowed, dnc.national lifted', () => {
    expect(rulesOf(check({ relationship: { lastTransactionAt: '2024-09-10T19:00:00Z' } }))).toEqual({ verdict: 'allow', violations: [], exemptions: ['dnc.national'] });
  });
});
