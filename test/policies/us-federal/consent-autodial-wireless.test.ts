import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { consentAutodialWireless } from '../../../policies/us-federal/index.js';
import { expressConsent, writtenConsent } from '../../support/consents.js';
import { exemptionOf, rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is placed 2026-03-10T14:00:00-05:00, i.e. 2026-03-10T19:00:00Z. The consent templates are shared
// with consent.prerecorded-residential; their wording is pinned here, once each.

/** An autodialed telemarketing call to a mobile line (+1 312 555 0188), then `overrides`. */
function autodialed(overrides: Partial<CheckRequestInput> = {}): Partial<CheckRequestInput> {
  return { method: 'autodialer', callee: { lineType: 'mobile' }, ...overrides };
}

const AUTODIALED_MOBILE = 'autodialed call to a mobile line';
const AUTODIALED_UNKNOWN = 'autodialed call to a line of unknown type (treated as mobile)';
const PEWC = 'prior express written consent';
const EITHER = 'prior express written consent or prior express consent';

/** The data every finding of this rule carries, for `call` and the consent kinds it accepts. */
const about = (call: string, consentKind = PEWC) => ({ call, seller: 'acme', consentKind });

testPolicy(consentAutodialWireless, {
  allowed: [
    // Which calls need consent.
    { name: 'a manually dialed call to a mobile line needs none', request: autodialed({ method: 'manual' }) },
    { name: 'an autodialed call to a landline is not this rule', request: autodialed({ callee: { lineType: 'landline' } }) },

    // What counts as consent valid at the call.
    {
      name: 'written consent to acme granted 2025-01-02 lifts it',
      request: autodialed({ consents: [writtenConsent('acme', '2025-01-02T00:00:00Z')] }),
      exemptions: [{ messageId: 'consented', data: { ...about(AUTODIALED_MOBILE), date: '2025-01-02' } }],
    },
    {
      name: 'written consent granted at the instant of the call (2026-03-10T19:00:00Z) counts',
      request: autodialed({ consents: [writtenConsent('acme', '2026-03-10T19:00:00Z')] }),
      exemptions: [{ messageId: 'consented', data: { ...about(AUTODIALED_MOBILE), date: '2026-03-10' } }],
    },
    {
      name: 'consent revoked one second after the call (2026-03-10T19:00:01Z) still counts',
      request: autodialed({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:01Z')] }),
      exemptions: [{ messageId: 'consented', data: { ...about(AUTODIALED_MOBILE), date: '2025-01-02' } }],
    },
    {
      name: 'revokedAt null means never revoked',
      request: autodialed({ consents: [writtenConsent('acme', '2025-01-02', null)] }),
      exemptions: [{ messageId: 'consented', data: { ...about(AUTODIALED_MOBILE), date: '2025-01-02' } }],
    },
    {
      name: 'a revoked consent and a later, unrevoked one to acme: the later one counts',
      request: autodialed({ consents: [writtenConsent('acme', '2024-01-02', '2024-06-01'), writtenConsent('acme', '2025-01-02')] }),
      exemptions: [{ messageId: 'consented', data: { ...about(AUTODIALED_MOBILE), date: '2025-01-02' } }],
    },

    // Informational calls accept either kind.
    {
      name: 'prior express consent to acme is enough for an autodialed informational call',
      request: autodialed({ purpose: 'informational', consents: [expressConsent('acme', '2025-01-02')] }),
      exemptions: [{ messageId: 'consented', data: { ...about(AUTODIALED_MOBILE, 'prior express consent'), date: '2025-01-02' } }],
    },
    {
      name: 'written consent is enough for an informational call too',
      request: autodialed({ purpose: 'informational', consents: [writtenConsent('acme', '2025-01-02')] }),
      exemptions: [{ messageId: 'consented', data: { ...about(AUTODIALED_MOBILE), date: '2025-01-02' } }],
    },
  ],
  blocked: [
    // Which calls need consent.
    { name: 'an autodialed call to a mobile line with no consent on file is blocked', request: autodialed(), findings: [{ messageId: 'noConsent', data: about(AUTODIALED_MOBILE) }] },
    {
      name: 'a prerecorded call to a mobile line with no consent is blocked',
      request: autodialed({ method: 'prerecorded' }),
      findings: [{ messageId: 'noConsent', data: about('prerecorded call to a mobile line') }],
    },
    { name: 'lineType "unknown" is treated as mobile', request: autodialed({ callee: { lineType: 'unknown' } }), findings: [{ messageId: 'noConsent', data: about(AUTODIALED_UNKNOWN) }] },
    { name: 'an absent lineType (no callee at all) is treated as mobile', request: autodialed({ callee: undefined }), findings: [{ messageId: 'noConsent', data: about(AUTODIALED_UNKNOWN) }] },
    {
      name: 'a prerecorded call to an unknown line falls here, not under consent.prerecorded-residential',
      request: autodialed({ method: 'prerecorded', callee: { lineType: 'unknown' } }),
      findings: [{ messageId: 'noConsent', data: about('prerecorded call to a line of unknown type (treated as mobile)') }],
    },
    { name: 'a business mobile line still needs consent', request: autodialed({ callee: { lineType: 'mobile', business: true } }), findings: [{ messageId: 'noConsent', data: about(AUTODIALED_MOBILE) }] },

    // What counts as consent valid at the call.
    {
      name: 'consent granted one second after the call (2026-03-10T19:00:01Z) does not count',
      request: autodialed({ consents: [writtenConsent('acme', '2026-03-10T19:00:01Z')] }),
      findings: [{ messageId: 'grantedAfterCall', data: { ...about(AUTODIALED_MOBILE), instant: '2026-03-10T19:00:01Z' } }],
    },
    {
      name: 'consent given to another seller "globex" does not count for acme',
      request: autodialed({ consents: [writtenConsent('globex', '2025-01-02')] }),
      findings: [{ messageId: 'otherSeller', data: about(AUTODIALED_MOBILE) }],
    },
    {
      name: 'seller names are case-sensitive: consent to "Acme" does not count for "acme"',
      request: autodialed({ consents: [writtenConsent('Acme', '2025-01-02')] }),
      findings: [{ messageId: 'otherSeller', data: about(AUTODIALED_MOBILE) }],
    },
    {
      name: 'consent revoked 2026-03-01, before the call, does not count',
      request: autodialed({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-01')] }),
      findings: [{ messageId: 'revoked', data: { ...about(AUTODIALED_MOBILE), instant: '2026-03-01T00:00:00Z' } }],
    },
    {
      name: 'consent revoked at the instant of the call (2026-03-10T19:00:00Z) does not count',
      request: autodialed({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:00Z')] }),
      findings: [{ messageId: 'revoked', data: { ...about(AUTODIALED_MOBILE), instant: '2026-03-10T19:00:00Z' } }],
    },

    // Telemarketing needs written consent; informational calls accept either kind.
    {
      name: 'prior express (not written) consent to acme is not enough for an autodialed telemarketing call',
      request: autodialed({ consents: [expressConsent('acme', '2025-01-02')] }),
      findings: [{ messageId: 'noConsent', data: about(AUTODIALED_MOBILE) }],
    },
    {
      name: 'an informational call with no consent is blocked, naming both kinds',
      request: autodialed({ purpose: 'informational' }),
      findings: [{ messageId: 'noConsent', data: about(AUTODIALED_MOBILE, EITHER) }],
    },
    {
      name: 'an informational call with prior express consent revoked 2026-03-01 is blocked',
      request: autodialed({ purpose: 'informational', consents: [expressConsent('acme', '2025-01-02', '2026-03-01')] }),
      findings: [{ messageId: 'revoked', data: { ...about(AUTODIALED_MOBILE, EITHER), instant: '2026-03-01T00:00:00Z' } }],
    },
    {
      name: 'an informational call with prior express consent to "Acme" is blocked for "acme"',
      request: autodialed({ purpose: 'informational', consents: [expressConsent('Acme', '2025-01-02')] }),
      findings: [{ messageId: 'otherSeller', data: about(AUTODIALED_MOBILE, EITHER) }],
    },
  ],
});

/** Screens an autodialed call to a mobile line with `overrides`, with the common rules and the US federal pack, pinned. */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  return screen(anAttempt(autodialed(overrides)), { packs: ['us-federal'] });
}

describe('consent messages (shared by consent.autodial-wireless and consent.prerecorded-residential)', () => {
  it('noConsent: none on file, with the rule citation', () => {
    const violation = violationOf(check(), 'consent.autodial-wireless');
    expect(violation.message).toMatchInlineSnapshot(`"autodialed call to a mobile line without prior express written consent to acme: none on file"`);
    expect(violation.citation).toBe('47 CFR 64.1200(a)(1)(iii); 47 CFR 64.1200(a)(2)');
  });

  it('grantedAfterCall gives the instant of the grant', () => {
    expect(violationOf(check({ consents: [writtenConsent('acme', '2026-03-10T19:00:01Z')] }), 'consent.autodial-wireless').message).toMatchInlineSnapshot(`"autodialed call to a mobile line without prior express written consent to acme: it was granted at 2026-03-10T19:00:01Z, after the call"`);
  });

  it('otherSeller says the consent was given to another seller', () => {
    expect(violationOf(check({ consents: [writtenConsent('globex', '2025-01-02')] }), 'consent.autodial-wireless').message).toMatchInlineSnapshot(`"autodialed call to a mobile line without prior express written consent to acme: the consent on file was given to another seller"`);
  });

  it('revoked gives the instant of the revocation', () => {
    expect(violationOf(check({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-01')] }), 'consent.autodial-wireless').message).toMatchInlineSnapshot(`"autodialed call to a mobile line without prior express written consent to acme: it was revoked at 2026-03-01T00:00:00Z"`);
  });

  it('consented gives the kind, the seller and the date of the grant', () => {
    expect(exemptionOf(check({ consents: [writtenConsent('acme', '2025-01-02T00:00:00Z')] }), 'consent.autodial-wireless').reason).toMatchInlineSnapshot(`"prior express written consent to acme, granted 2025-01-02"`);
  });
});

describe('consent.autodial-wireless in the US federal pack', () => {
  it('an autodialed call to a mobile line with no consent: consent.autodial-wireless alone blocks', () => {
    expect(rulesOf(check())).toEqual({ verdict: 'block', violations: ['consent.autodial-wireless'], exemptions: [] });
  });

  it('with written consent to acme the call is allowed, consent.autodial-wireless lifted', () => {
    expect(rulesOf(check({ consents: [writtenConsent('acme', '2025-01-02')] }))).toEqual({ verdict: 'allow', violations: [], exemptions: ['consent.autodial-wireless'] });
  });
});
