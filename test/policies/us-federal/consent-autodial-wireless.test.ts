import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { aCheckRequest } from '../../../src/testing/a-check-request.js';
import { expressConsent, writtenConsent } from '../../support/consents.js';
import { exemptionOf, findingOf, rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is placed 2026-03-10T14:00:00-05:00, i.e. 2026-03-10T19:00:00Z. The consent templates are shared
// with consent.prerecorded-residential; their wording is pinned here, once each.

/** Screens an autodialed telemarketing call to a mobile line (+1 312 555 0188), with `overrides`. */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  return screen(parseCheckRequest(aCheckRequest({ method: 'autodialer', callee: { lineType: 'mobile' }, ...overrides })));
}

const RULE = 'consent.autodial-wireless';

const BLOCKED = { verdict: 'block', violations: ['consent.autodial-wireless'], exemptions: [] };
const LIFTED = { verdict: 'allow', violations: [], exemptions: ['consent.autodial-wireless'] };
const NOT_APPLICABLE = { verdict: 'allow', violations: [], exemptions: [] };

const AUTODIALED_MOBILE = 'autodialed call to a mobile line';
const PEWC = 'prior express written consent';

describe('consent.autodial-wireless', () => {
  describe('which calls need consent', () => {
    it('an autodialed call to a mobile line with no consent on file is blocked', () => {
      const decision = check();
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, {
        messageId: 'noConsent',
        data: { call: AUTODIALED_MOBILE, seller: 'acme', consentKind: PEWC },
      });
      expect(violationOf(decision, RULE).citation).toBe('47 CFR 64.1200(a)(1)(iii); 47 CFR 64.1200(a)(2)');
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"autodialed call to a mobile line without prior express written consent to acme: none on file"`);
    });

    it('a prerecorded call to a mobile line with no consent is blocked', () => {
      const decision = check({ method: 'prerecorded' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(findingOf(decision, RULE).data.call).toBe('prerecorded call to a mobile line');
    });

    it('lineType "unknown" is treated as mobile', () => {
      const decision = check({ callee: { lineType: 'unknown' } });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(findingOf(decision, RULE).data.call).toBe('autodialed call to a line of unknown type (treated as mobile)');
    });

    it('an absent lineType (no callee at all) is treated as mobile', () => {
      const decision = check({ callee: undefined });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(findingOf(decision, RULE).data.call).toBe('autodialed call to a line of unknown type (treated as mobile)');
    });

    it('a prerecorded call to an unknown line falls here, not under consent.prerecorded-residential', () => {
      expect(rulesOf(check({ method: 'prerecorded', callee: { lineType: 'unknown' } }))).toEqual(BLOCKED);
    });

    it('a business mobile line still needs consent', () => {
      expect(rulesOf(check({ callee: { lineType: 'mobile', business: true } }))).toEqual(BLOCKED);
    });

    it('a manually dialed call to a mobile line needs none', () => {
      expect(rulesOf(check({ method: 'manual' }))).toEqual(NOT_APPLICABLE);
    });

    it('an autodialed call to a landline is not this rule', () => {
      expect(rulesOf(check({ callee: { lineType: 'landline' } }))).toEqual(NOT_APPLICABLE);
    });
  });

  describe('what counts as consent valid at the call', () => {
    it('written consent to acme granted 2025-01-02 lifts it', () => {
      const decision = check({ consents: [writtenConsent('acme', '2025-01-02T00:00:00Z')] });
      expect(rulesOf(decision)).toEqual(LIFTED);
      const { messageId, data, reason } = exemptionOf(decision, RULE);
      expect({ messageId, data }).toEqual({
        messageId: 'consented',
        data: { call: AUTODIALED_MOBILE, seller: 'acme', consentKind: PEWC, date: '2025-01-02' },
      });
      expect(reason).toMatchInlineSnapshot(`"prior express written consent to acme, granted 2025-01-02"`);
    });

    it('written consent granted at the instant of the call (2026-03-10T19:00:00Z) counts', () => {
      expect(rulesOf(check({ consents: [writtenConsent('acme', '2026-03-10T19:00:00Z')] }))).toEqual(LIFTED);
    });

    it('consent granted one second after the call (2026-03-10T19:00:01Z) does not count', () => {
      const decision = check({ consents: [writtenConsent('acme', '2026-03-10T19:00:01Z')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, {
        messageId: 'grantedAfterCall',
        data: { call: AUTODIALED_MOBILE, seller: 'acme', consentKind: PEWC, instant: '2026-03-10T19:00:01Z' },
      });
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"autodialed call to a mobile line without prior express written consent to acme: it was granted at 2026-03-10T19:00:01Z, after the call"`);
    });

    it('consent given to another seller "globex" does not count for acme', () => {
      const decision = check({ consents: [writtenConsent('globex', '2025-01-02')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, {
        messageId: 'otherSeller',
        data: { call: AUTODIALED_MOBILE, seller: 'acme', consentKind: PEWC },
      });
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"autodialed call to a mobile line without prior express written consent to acme: the consent on file was given to another seller"`);
    });

    it('seller names are case-sensitive: consent to "Acme" does not count for "acme"', () => {
      const decision = check({ consents: [writtenConsent('Acme', '2025-01-02')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'otherSeller' });
    });

    it('consent revoked 2026-03-01, before the call, does not count', () => {
      const decision = check({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-01')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, {
        messageId: 'revoked',
        data: { call: AUTODIALED_MOBILE, seller: 'acme', consentKind: PEWC, instant: '2026-03-01T00:00:00Z' },
      });
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"autodialed call to a mobile line without prior express written consent to acme: it was revoked at 2026-03-01T00:00:00Z"`);
    });

    it('consent revoked at the instant of the call (2026-03-10T19:00:00Z) does not count', () => {
      const decision = check({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:00Z')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'revoked' });
    });

    it('consent revoked one second after the call (2026-03-10T19:00:01Z) still counts', () => {
      expect(rulesOf(check({ consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:01Z')] }))).toEqual(LIFTED);
    });

    it('revokedAt null means never revoked', () => {
      expect(rulesOf(check({ consents: [writtenConsent('acme', '2025-01-02', null)] }))).toEqual(LIFTED);
    });

    it('a revoked consent and a later, unrevoked one to acme: the later one counts', () => {
      const decision = check({ consents: [writtenConsent('acme', '2024-01-02', '2024-06-01'), writtenConsent('acme', '2025-01-02')] });
      expect(rulesOf(decision)).toEqual(LIFTED);
      expect(exemptionOf(decision, RULE).data.date).toBe('2025-01-02');
    });
  });

  describe('telemarketing needs written consent; informational calls accept either kind', () => {
    it('prior express (not written) consent to acme is not enough for an autodialed telemarketing call', () => {
      const decision = check({ consents: [expressConsent('acme', '2025-01-02')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, {
        messageId: 'noConsent',
        data: { call: AUTODIALED_MOBILE, seller: 'acme', consentKind: PEWC },
      });
    });

    it('prior express consent to acme is enough for an autodialed informational call', () => {
      const decision = check({ purpose: 'informational', consents: [expressConsent('acme', '2025-01-02')] });
      expect(rulesOf(decision)).toEqual(LIFTED);
      const { messageId, data } = exemptionOf(decision, RULE);
      expect({ messageId, data }).toEqual({
        messageId: 'consented',
        data: { call: AUTODIALED_MOBILE, seller: 'acme', consentKind: 'prior express consent', date: '2025-01-02' },
      });
    });

    it('written consent is enough for an informational call too', () => {
      const decision = check({ purpose: 'informational', consents: [writtenConsent('acme', '2025-01-02')] });
      expect(rulesOf(decision)).toEqual(LIFTED);
      expect(exemptionOf(decision, RULE).data.consentKind).toBe(PEWC);
    });

    it('an informational call with no consent is blocked, naming both kinds', () => {
      const decision = check({ purpose: 'informational' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, {
        messageId: 'noConsent',
        data: { call: AUTODIALED_MOBILE, seller: 'acme', consentKind: 'prior express written consent or prior express consent' },
      });
    });

    it('an informational call with prior express consent revoked 2026-03-01 is blocked', () => {
      const decision = check({ purpose: 'informational', consents: [expressConsent('acme', '2025-01-02', '2026-03-01')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'revoked' });
    });

    it('an informational call with prior express consent to "Acme" is blocked for "acme"', () => {
      const decision = check({ purpose: 'informational', consents: [expressConsent('Acme', '2025-01-02')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'otherSeller' });
    });
  });
});
