import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { aCheckRequest } from '../../../src/testing/a-check-request.js';
import { expressConsent, writtenConsent } from '../../support/consents.js';
import { exemptionOf, rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is placed 2026-03-10T14:00:00-05:00, i.e. 2026-03-10T19:00:00Z. The consent message templates
// are shared with consent.autodial-wireless, whose test pins their wording; here `data.call` pins this rule's part.

/** Screens a prerecorded telemarketing call to a residential landline (+1 312 555 0188), with `overrides`. */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  return screen(parseCheckRequest(aCheckRequest({ method: 'prerecorded', callee: { lineType: 'landline' }, ...overrides })));
}

const RULE = 'consent.prerecorded-residential';

const BLOCKED = { verdict: 'block', violations: ['consent.prerecorded-residential'], exemptions: [] };
const LIFTED = { verdict: 'allow', violations: [], exemptions: ['consent.prerecorded-residential'] };
const NOT_APPLICABLE = { verdict: 'allow', violations: [], exemptions: [] };

const CALL = 'prerecorded telemarketing call to a residential landline';
const PEWC = 'prior express written consent';

describe('consent.prerecorded-residential', () => {
  it('a prerecorded telemarketing call to a residential landline with no consent is blocked', () => {
    const decision = check();
    expect(rulesOf(decision)).toEqual(BLOCKED);
    expect(decision).toBeBlockedBy(RULE, { messageId: 'noConsent', data: { call: CALL, seller: 'acme', consentKind: PEWC } });
    expect(violationOf(decision, RULE).citation).toBe('47 CFR 64.1200(a)(3); 16 CFR 310.4(b)(1)(v)');
  });

  it('written consent to acme granted 2025-01-02 lifts it', () => {
    const decision = check({ consents: [writtenConsent('acme', '2025-01-02')] });
    expect(rulesOf(decision)).toEqual(LIFTED);
    const { messageId, data } = exemptionOf(decision, RULE);
    expect({ messageId, data }).toEqual({
      messageId: 'consented',
      data: { call: CALL, seller: 'acme', consentKind: PEWC, date: '2025-01-02' },
    });
  });

  it('prior express (not written) consent to acme is not enough', () => {
    const decision = check({ consents: [expressConsent('acme', '2025-01-02')] });
    expect(rulesOf(decision)).toEqual(BLOCKED);
    expect(decision).toBeBlockedBy(RULE, { messageId: 'noConsent' });
  });

  it('written consent to "Acme" does not count for "acme"', () => {
    const decision = check({ consents: [writtenConsent('Acme', '2025-01-02')] });
    expect(rulesOf(decision)).toEqual(BLOCKED);
    expect(decision).toBeBlockedBy(RULE, { messageId: 'otherSeller', data: { call: CALL, seller: 'acme', consentKind: PEWC } });
  });

  it('written consent revoked at the instant of the call (2026-03-10T19:00:00Z) does not count', () => {
    const decision = check({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:00Z')] });
    expect(rulesOf(decision)).toEqual(BLOCKED);
    expect(decision).toBeBlockedBy(RULE, {
      messageId: 'revoked',
      data: { call: CALL, seller: 'acme', consentKind: PEWC, instant: '2026-03-10T19:00:00Z' },
    });
  });

  it('written consent revoked one second after the call still counts', () => {
    expect(rulesOf(check({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:01Z')] }))).toEqual(LIFTED);
  });

  it('written consent granted 2026-03-11, after the call, does not count', () => {
    const decision = check({ consents: [writtenConsent('acme', '2026-03-11')] });
    expect(rulesOf(decision)).toEqual(BLOCKED);
    expect(decision).toBeBlockedBy(RULE, {
      messageId: 'grantedAfterCall',
      data: { call: CALL, seller: 'acme', consentKind: PEWC, instant: '2026-03-11T00:00:00Z' },
    });
  });

  describe('when the rule does not apply', () => {
    it('a business landline is not a residence', () => {
      expect(rulesOf(check({ callee: { lineType: 'landline', business: true } }))).toEqual(NOT_APPLICABLE);
    });

    it('an informational prerecorded call to a landline needs no consent', () => {
      expect(rulesOf(check({ purpose: 'informational' }))).toEqual(NOT_APPLICABLE);
    });

    it('an autodialed live call to a landline is not prerecorded', () => {
      expect(rulesOf(check({ method: 'autodialer' }))).toEqual(NOT_APPLICABLE);
    });

    it('a manual call to a landline is not prerecorded', () => {
      expect(rulesOf(check({ method: 'manual' }))).toEqual(NOT_APPLICABLE);
    });

    it('a prerecorded call to a mobile line is consent.autodial-wireless instead', () => {
      expect(rulesOf(check({ callee: { lineType: 'mobile' } }))).toEqual({
        verdict: 'block',
        violations: ['consent.autodial-wireless'],
        exemptions: [],
      });
    });

    it('a prerecorded call to a line of unknown type (absent lineType) is consent.autodial-wireless instead', () => {
      expect(rulesOf(check({ callee: {} }))).toEqual({ verdict: 'block', violations: ['consent.autodial-wireless'], exemptions: [] });
    });
  });
});
