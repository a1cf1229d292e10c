import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { InputError } from '../../../src/core/input-error.js';
import { screen } from '../../../src/engine/screen.js';
import { aCheckRequest } from '../../../src/testing/a-check-request.js';
import { expressConsent, writtenConsent } from '../../support/consents.js';
import { exemptionOf, rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is placed 2026-03-10T14:00:00-05:00, i.e. 2026-03-10T19:00:00Z, to +1 312 555 0188.

/** Screens the default request with +1 312 555 0188 on a fresh national registry copy, unless `overrides` say otherwise. */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  return screen(
    parseCheckRequest(
      aCheckRequest({ registries: { national: { syncedAt: '2026-03-01', numbers: ['+13125550188'] } }, ...overrides }),
    ),
  );
}

const RULE = 'dnc.national';

const BLOCKED = { verdict: 'block', violations: ['dnc.national'], exemptions: [] };
const LIFTED = { verdict: 'allow', violations: [], exemptions: ['dnc.national'] };
const NOT_APPLICABLE = { verdict: 'allow', violations: [], exemptions: [] };

describe('dnc.national', () => {
  describe('registry membership', () => {
    it('+1 312 555 0188 on the national copy with no exemption is blocked', () => {
      const decision = check();
      expect(rulesOf(decision)).toEqual(BLOCKED);
      const { messageId, data, citation } = violationOf(decision, RULE);
      expect({ messageId, data }).toEqual({ messageId: 'onRegistry', data: { e164: '+13125550188', seller: 'acme' } });
      expect(citation).toBe('47 CFR 64.1200(c)(2); 16 CFR 310.4(b)(1)(iii)(B)');
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"+13125550188 is on the national do-not-call registry and no exemption applies (no purchase within 18 months, no inquiry within 3 months, no written consent to acme)"`);
    });

    it('a registry entry written "(312) 555-0188" matches a call to "+1 312 555 0188"', () => {
      const decision = check({ registries: { national: { syncedAt: '2026-03-01', numbers: ['(312) 555-0188'] } } });
      expect(rulesOf(decision)).toEqual(BLOCKED);
    });

    it('an entry "312.555.0188" matches a call to "13125550188"', () => {
      const decision = check({ to: '13125550188', registries: { national: { syncedAt: '2026-03-01', numbers: ['312.555.0188'] } } });
      expect(rulesOf(decision)).toEqual(BLOCKED);
    });

    it('a copy listing only +1 312 555 0189 lets +1 312 555 0188 through', () => {
      const decision = check({ registries: { national: { syncedAt: '2026-03-01', numbers: ['+13125550189'] } } });
      expect(rulesOf(decision)).toEqual(NOT_APPLICABLE);
    });

    it('an invalid registry entry "555-0123" is an InputError naming registries.national.numbers[0]', () => {
      const attempt = parseCheckRequest(
        aCheckRequest({ registries: { national: { syncedAt: '2026-03-01', numbers: ['555-0123', '+13125550188'] } } }),
      );
      let thrown: unknown;
      try {
        screen(attempt);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InputError);
      expect((thrown as InputError).problems).toEqual([
        { path: 'registries.national.numbers[0]', message: '"555-0123" is not a valid phone number' },
      ]);
      expect((thrown as InputError).message).toBe('registries.national.numbers[0]: "555-0123" is not a valid phone number');
    });

    it('a listed number with a stale copy is reported by both dnc.registry-stale and dnc.national', () => {
      const decision = check({ registries: { national: { syncedAt: '2026-01-01', numbers: ['+13125550188'] } } });
      expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['dnc.registry-stale', 'dnc.national'], exemptions: [] });
    });
  });

  describe('established business relationship: a transaction within 18 calendar months (UTC)', () => {
    it('a transaction at 2024-09-10T19:00:00Z, exactly 18 months before the call, lifts it', () => {
      const decision = check({ relationship: { lastTransactionAt: '2024-09-10T19:00:00Z' } });
      expect(rulesOf(decision)).toEqual(LIFTED);
      const { messageId, data, reason } = exemptionOf(decision, RULE);
      expect({ messageId, data }).toEqual({ messageId: 'transaction', data: { date: '2024-09-10' } });
      expect(reason).toMatchInlineSnapshot(`"established business relationship: transaction on 2024-09-10, within the 18 months before the call"`);
    });

    it('a transaction one second earlier (2024-09-10T18:59:59Z) does not', () => {
      const decision = check({ relationship: { lastTransactionAt: '2024-09-10T18:59:59Z' } });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(violationOf(decision, RULE).messageId).toBe('onRegistry');
    });

    it('a transaction one day earlier (2024-09-09T19:00:00Z) does not', () => {
      expect(rulesOf(check({ relationship: { lastTransactionAt: '2024-09-09T19:00:00Z' } }))).toEqual(BLOCKED);
    });

    it('a transaction one second after the call (2026-03-10T19:00:01Z) does not count', () => {
      expect(rulesOf(check({ relationship: { lastTransactionAt: '2026-03-10T19:00:01Z' } }))).toEqual(BLOCKED);
    });

    it('a transaction at the instant of the call counts', () => {
      expect(rulesOf(check({ relationship: { lastTransactionAt: '2026-03-10T19:00:00Z' } }))).toEqual(LIFTED);
    });

    it('a transaction 17 months back but an inquiry 4 months back: the transaction lifts it', () => {
      const decision = check({ relationship: { lastTransactionAt: '2024-10-10', lastInquiryAt: '2025-11-10' } });
      expect(rulesOf(decision)).toEqual(LIFTED);
      const { messageId, data } = exemptionOf(decision, RULE);
      expect({ messageId, data }).toEqual({ messageId: 'transaction', data: { date: '2024-10-10' } });
    });
  });

  describe('established business relationship: an inquiry within 3 calendar months (UTC)', () => {
    it('an inquiry at 2025-12-10T19:00:00Z, exactly 3 months before the call, lifts it', () => {
      const decision = check({ relationship: { lastInquiryAt: '2025-12-10T19:00:00Z' } });
      expect(rulesOf(decision)).toEqual(LIFTED);
      const { messageId, data, reason } = exemptionOf(decision, RULE);
      expect({ messageId, data }).toEqual({ messageId: 'inquiry', data: { date: '2025-12-10' } });
      expect(reason).toMatchInlineSnapshot(`"established business relationship: inquiry on 2025-12-10, within the 3 months before the call"`);
    });

    it('an inquiry one second earlier (2025-12-10T18:59:59Z) does not', () => {
      expect(rulesOf(check({ relationship: { lastInquiryAt: '2025-12-10T18:59:59Z' } }))).toEqual(BLOCKED);
    });

    it('an inquiry one day earlier (2025-12-09T19:00:00Z) does not', () => {
      expect(rulesOf(check({ relationship: { lastInquiryAt: '2025-12-09T19:00:00Z' } }))).toEqual(BLOCKED);
    });

    it('an inquiry the day after the call (2026-03-11) does not count', () => {
      expect(rulesOf(check({ relationship: { lastInquiryAt: '2026-03-11' } }))).toEqual(BLOCKED);
    });

    it('months are counted in UTC: a call at 2026-04-10T19:00:00Z (14:00 CDT) reaches back to 2026-01-10T19:00:00Z', () => {
      // On Chicago's calendar 3 months before 14:00 CDT would be 14:00 CST on 10 January, i.e. 20:00Z.
      const call = { at: '2026-04-10T14:00:00-05:00', registries: { national: { syncedAt: '2026-04-01', numbers: ['+13125550188'] } } };
      expect(rulesOf(check({ ...call, relationship: { lastInquiryAt: '2026-01-10T19:00:00Z' } }))).toEqual(LIFTED);
      expect(rulesOf(check({ ...call, relationship: { lastInquiryAt: '2026-01-10T18:59:59Z' } }))).toEqual(BLOCKED);
    });

    it('an inquiry 4 months back (2025-11-10) is too old, though a transaction that old would count', () => {
      expect(rulesOf(check({ relationship: { lastInquiryAt: '2025-11-10', lastTransactionAt: null } }))).toEqual(BLOCKED);
    });
  });

  describe('prior express written consent to this seller', () => {
    it('written consent to acme granted 2025-01-02 lifts it', () => {
      const decision = check({ consents: [writtenConsent('acme', '2025-01-02T00:00:00Z')] });
      expect(rulesOf(decision)).toEqual(LIFTED);
      const { messageId, data, reason } = exemptionOf(decision, RULE);
      expect({ messageId, data }).toEqual({ messageId: 'writtenConsent', data: { seller: 'acme', date: '2025-01-02' } });
      expect(reason).toMatchInlineSnapshot(`"prior express written consent to acme, granted 2025-01-02"`);
    });

    it('written consent to another seller "globex" does not lift a call for acme', () => {
      const decision = check({ consents: [writtenConsent('globex', '2025-01-02')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
    });

    it('seller names are case-sensitive: consent to "Acme" does not lift a call for "acme"', () => {
      const decision = check({ consents: [writtenConsent('Acme', '2025-01-02')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
    });

    it('consent revoked 2026-03-01, before the call, does not lift it', () => {
      const decision = check({
        consents: [writtenConsent('acme', '2025-01-02', '2026-03-01')],
      });
      expect(rulesOf(decision)).toEqual(BLOCKED);
    });

    it('consent revoked at the instant of the call does not lift it', () => {
      const decision = check({
        consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:00Z')],
      });
      expect(rulesOf(decision)).toEqual(BLOCKED);
    });

    it('consent revoked one second after the call still lifts it', () => {
      const decision = check({
        consents: [writtenConsent('acme', '2025-01-02', '2026-03-10T19:00:01Z')],
      });
      expect(rulesOf(decision)).toEqual(LIFTED);
    });

    it('consent granted one second after the call does not lift it', () => {
      const decision = check({ consents: [writtenConsent('acme', '2026-03-10T19:00:01Z')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
    });

    it('prior express consent that is not written does not lift it', () => {
      const decision = check({ consents: [expressConsent('acme', '2025-01-02')] });
      expect(rulesOf(decision)).toEqual(BLOCKED);
    });
  });

  describe('when the rule does not apply', () => {
    it('a listed business line is allowed and no exemption is reported', () => {
      expect(rulesOf(check({ callee: { business: true } }))).toEqual(NOT_APPLICABLE);
    });

    it('an informational call to a listed number is allowed and no exemption is reported', () => {
      expect(rulesOf(check({ purpose: 'informational' }))).toEqual(NOT_APPLICABLE);
    });

    it('without a national copy the number cannot be found listed: only dnc.registry-stale blocks', () => {
      const decision = check({ registries: { internal: { numbers: [] } } });
      expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['dnc.registry-stale'], exemptions: [] });
    });
  });
});
