import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { consentPrerecordedResidential } from '../../../policies/us-federal/index.js';
import { expressConsent, writtenConsent } from '../../support/consents.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is placed 2026-03-10T14:00:00-05:00, i.e. 2026-03-10T19:00:00Z. The consent message templates
// are shared with consent.autodial-wireless, whose test pins their wording; here `data.call` pins this rule's part.

/** A prerecorded telemarketing call to a residential landline (+1 312 555 0188), then `overrides`. */
function prerecorded(overrides: Partial<CheckRequestInput> = {}): Partial<CheckRequestInput> {
  return { method: 'prerecorded', callee: { lineType: 'landline' }, ...overrides };
}

const ABOUT = { call: 'prerecorded telemarketing call to a residential landline', seller: 'acme', consentKind: 'prior express written consent' };

testPolicy(consentPrerecordedResidential, {
  allowed: [
    {
      name: 'written consent to acme granted 2025-01-02 lifts it',
      request: prerecorded({ consents: [writtenConsent('acme', '2025-01-02')] }),
      exemptions: [{ messageId: 'consented', data: { ...ABOUT, date: '2025-01-02' } }],
    },
    {
      name: 'written consent revoked one second after the call still counts',
      request: prerecorded({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:01Z')] }),
      exemptions: [{ messageId: 'consented', data: { ...ABOUT, date: '2025-01-02' } }],
    },

    // When the rule does not apply.
    { name: 'a business landline is not a residence', request: prerecorded({ callee: { lineType: 'landline', business: true } }) },
    { name: 'an informational prerecorded call to a landline needs no consent', request: prerecorded({ purpose: 'informational' }) },
    { name: 'an autodialed live call to a landline is not prerecorded', request: prerecorded({ method: 'autodialer' }) },
    { name: 'a manual call to a landline is not prerecorded', request: prerecorded({ method: 'manual' }) },
    { name: 'a prerecorded call to a mobile line is not this rule (consent.autodial-wireless)', request: prerecorded({ callee: { lineType: 'mobile' } }) },
    { name: 'a prerecorded call to a line of unknown type (absent lineType) is not this rule (consent.autodial-wireless)', request: prerecorded({ callee: {} }) },
  ],
  blocked: [
    { name: 'a prerecorded telemarketing call to a residential landline with no consent is blocked', request: prerecorded(), findings: [{ messageId: 'noConsent', data: ABOUT }] },
    { name: 'prior express (not written) consent to acme is not enough', request: prerecorded({ consents: [expressConsent('acme', '2025-01-02')] }), findings: [{ messageId: 'noConsent', data: ABOUT }] },
    { name: 'written consent to "Acme" does not count for "acme"', request: prerecorded({ consents: [writtenConsent('Acme', '2025-01-02')] }), findings: [{ messageId: 'otherSeller', data: ABOUT }] },
    {
      name: 'written consent revoked at the instant of the call (2026-03-10T19:00:00Z) does not count',
      request: prerecorded({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:00Z')] }),
      findings: [{ messageId: 'revoked', data: { ...ABOUT, instant: '2026-03-10T19:00:00Z' } }],
    },
    {
      name: 'written consent granted 2026-03-11, after the call, does not count',
      request: prerecorded({ consents: [writtenConsent('acme', '2026-03-11')] }),
      findings: [{ messageId: 'grantedAfterCall', data: { ...ABOUT, instant: '2026-03-11T00:00:00Z' } }],
    },
  ],
});

/** Screens a prerecorded call to a landline with `overrides`, with the common rules and the US federal pack, pinned. */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  return screen(anAttempt(prerecorded(overrides)), { packs: ['us-federal'] });
}

describe('consent.prerecorded-residential messages', () => {
  it('noConsent names this rule\'s call, with the rule citation', () => {
    const violation = violationOf(check(), 'consent.prerecorded-residential');
    expect(violation.message).toMatchInlineSnapshot(`"prerecorded telemarketing call to a residential landline without prior express written consent to acme: none on file"`);
    expect(violation.citation).toBe('47 CFR 64.1200(a)(3); 16 CFR 310.4(b)(1)(v)');
  });
});

describe('consent.prerecorded-residential in the US federal pack', () => {
  it('a prerecorded call to a landline with no consent: consent.prerecorded-residential alone blocks', () => {
    expect(rulesOf(check())).toEqual({ verdict: 'block', violations: ['consent.prerecorded-residential'], exemptions: [] });
  });

  it('with written consent to acme the call is allowed, consent.prerecorded-residential lifted', () => {
    expect(rulesOf(check({ consents: [writtenConsent('acme', '2025-01-02')] }))).toEqual({
      verdict: 'allow',
      violations: [],
      exemptions: ['consent.prerecorded-residential'],
    });
  });

  it('a prerecorded call to a mobile line is blocked by consent.autodial-wireless instead', () => {
    expect(rulesOf(check({ callee: { lineType: 'mobile' } }))).toEqual({ verdict: 'block', violations: ['consent.autodial-wireless'], exemptions: [] });
  });

  it('a prerecorded call to a line of unknown type (absent lineType) is blocked by consent.autodial-wireless instead', () => {
    expect(rulesOf(check({ callee: {} }))).toEqual({ verdict: 'block', violations: ['consent.autodial-wireless'], exemptions: [] });
  });
});
