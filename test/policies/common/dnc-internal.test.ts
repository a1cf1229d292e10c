import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { InputError } from '../../../src/core/input-error.js';
import { screen } from '../../../src/engine/screen.js';
import { aCheckRequest } from '../../../src/testing/a-check-request.js';
import { expressConsent, writtenConsent } from '../../support/consents.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

/** Screens the default request with +1 312 555 0188 on acme's internal list, unless `overrides` say otherwise. */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  return screen(
    parseCheckRequest(
      aCheckRequest({
        registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['+13125550188'] } },
        ...overrides,
      }),
    ),
  );
}

const RULE = 'dnc.internal';

const BLOCKED = { verdict: 'block', violations: ['dnc.internal'], exemptions: [] };

/** Every exemption dnc.national knows, all valid at the default call (2026-03-10T19:00:00Z). */
function everyExemption(): Partial<CheckRequestInput> {
  return {
    relationship: { lastTransactionAt: '2026-01-15', lastInquiryAt: '2026-03-01' },
    consents: [writtenConsent('acme', '2025-01-02'), expressConsent('acme', '2025-01-02')],
  };
}

describe('dnc.internal', () => {
  it("+1 312 555 0188 on acme's internal list is blocked", () => {
    const decision = check();
    expect(rulesOf(decision)).toEqual(BLOCKED);
    const { messageId, data, citation } = violationOf(decision, RULE);
    expect({ messageId, data }).toEqual({ messageId: 'onInternalList', data: { e164: '+13125550188', seller: 'acme' } });
    expect(citation).toBe('47 CFR 64.1200(d); 16 CFR 310.4(b)(1)(iii)(A)');
    expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"+13125550188 is on acme's internal do-not-call list; nothing lifts a do-not-call request"`);
  });

  it('an entry written "(312) 555-0188" matches a call to "+1 312 555 0188"', () => {
    const decision = check({ registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['(312) 555-0188'] } } });
    expect(rulesOf(decision)).toEqual(BLOCKED);
  });

  it('a list holding only +1 312 555 0189 lets +1 312 555 0188 through', () => {
    const decision = check({ registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['+13125550189'] } } });
    expect(rulesOf(decision)).toEqual({ verdict: 'allow', violations: [], exemptions: [] });
  });

  it('an invalid entry "call me" is an InputError naming registries.internal.numbers[1]', () => {
    const attempt = parseCheckRequest(
      aCheckRequest({ registries: { internal: { numbers: ['+13125550189', 'call me'] } } }),
    );
    let thrown: unknown;
    try {
      screen(attempt);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).problems).toEqual([
      { path: 'registries.internal.numbers[1]', message: '"call me" is not a valid phone number' },
    ]);
  });

  describe('nothing lifts it', () => {
    it('an informational call to a listed number is still blocked', () => {
      expect(rulesOf(check({ purpose: 'informational' }))).toEqual(BLOCKED);
    });

    it('a listed business line is still blocked', () => {
      expect(rulesOf(check({ callee: { business: true } }))).toEqual(BLOCKED);
    });

    it('an informational call to a listed business line is still blocked', () => {
      expect(rulesOf(check({ purpose: 'informational', callee: { business: true } }))).toEqual(BLOCKED);
    });

    it('a recent transaction, a recent inquiry and both kinds of consent to acme do not lift it', () => {
      const decision = check(everyExemption());
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(violationOf(decision, RULE).messageId).toBe('onInternalList');
    });

    it('a transaction on 2026-01-15 lifts dnc.national for the same number but not dnc.internal', () => {
      const decision = check({
        relationship: { lastTransactionAt: '2026-01-15' },
        registries: { national: { syncedAt: '2026-03-01', numbers: ['+13125550188'] }, internal: { numbers: ['+13125550188'] } },
      });
      expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['dnc.internal'], exemptions: ['dnc.national'] });
    });

    it('an informational autodialed call with written consent is blocked by dnc.internal alone; the consent lifts only consent.autodial-wireless', () => {
      const decision = check({ ...everyExemption(), purpose: 'informational', method: 'autodialer', callee: { lineType: 'mobile' } });
      expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['dnc.internal'], exemptions: ['consent.autodial-wireless'] });
    });

    it('an informational call at 23:00 to a listed number is blocked by dnc.internal, not by the hours', () => {
      const decision = check({ purpose: 'informational', at: '2026-03-10T23:00:00-05:00' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
    });
  });
});
