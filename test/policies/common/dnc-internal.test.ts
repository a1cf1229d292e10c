import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { InputError } from '../../../src/core/input-error.js';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { dncInternal } from '../../../policies/common/index.js';
import { expressConsent, writtenConsent } from '../../support/consents.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is a manual telemarketing call to +1 312 555 0188 at 2026-03-10T19:00:00Z.

/** The default request with +1 312 555 0188 on acme's internal list, then `overrides`. */
function listed(overrides: Partial<CheckRequestInput> = {}): Partial<CheckRequestInput> {
  return { registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['+13125550188'] } }, ...overrides };
}

/** Every exemption dnc.national knows, all valid at the default call. */
const EVERY_EXEMPTION: Partial<CheckRequestInput> = {
  relationship: { lastTransactionAt: '2026-01-15', lastInquiryAt: '2026-03-01' },
  consents: [writtenConsent('acme', '2025-01-02'), expressConsent('acme', '2025-01-02')],
};

const ON_LIST = { messageId: 'onInternalList' as const, data: { e164: '+13125550188', seller: 'acme' } };

testPolicy(dncInternal, {
  allowed: [
    {
      name: 'a list holding only +1 312 555 0189 lets +1 312 555 0188 through',
      request: listed({ registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['+13125550189'] } } }),
    },
    { name: 'no internal list lets +1 312 555 0188 through', request: { to: '+1 312 555 0188' } },
  ],
  blocked: [
    { name: "+1 312 555 0188 on acme's internal list is blocked", request: listed(), findings: [ON_LIST] },
    {
      name: 'an entry written "(312) 555-0188" matches a call to "+1 312 555 0188"',
      request: listed({ registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['(312) 555-0188'] } } }),
      findings: [ON_LIST],
    },

    // Nothing lifts it.
    { name: 'an informational call to a listed number is still blocked', request: listed({ purpose: 'informational' }), findings: [ON_LIST] },
    { name: 'a listed business line is still blocked', request: listed({ callee: { business: true } }), findings: [ON_LIST] },
    { name: 'an informational call to a listed business line is still blocked', request: listed({ purpose: 'informational', callee: { business: true } }), findings: [ON_LIST] },
    { name: 'a recent transaction, a recent inquiry and both kinds of consent to acme do not lift it', request: listed(EVERY_EXEMPTION), findings: [ON_LIST] },
    {
      name: 'a transaction on 2026-01-15 with the number on the national registry too does not lift it',
      request: listed({
        relationship: { lastTransactionAt: '2026-01-15' },
        registries: { national: { syncedAt: '2026-03-01', numbers: ['+13125550188'] }, internal: { numbers: ['+13125550188'] } },
      }),
      findings: [ON_LIST],
    },
    { name: 'an informational call at 23:00 to a listed number is blocked', request: listed({ purpose: 'informational', at: '2026-03-10T23:00:00-05:00' }), findings: [ON_LIST] },
  ],
});

/** Screens `overrides` of the listed request with the common rules and the US federal pack, pinned. */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  return screen(anAttempt(listed(overrides)), { packs: ['us-federal'] });
}

const BLOCKED = { verdict: 'block', violations: ['dnc.internal'], exemptions: [] };

describe('dnc.internal messages', () => {
  it('onInternalList names the number and the seller, with the rule citation', () => {
    const violation = violationOf(check(), 'dnc.internal');
    expect(violation.message).toMatchInlineSnapshot(`"+13125550188 is on acme's internal do-not-call list; nothing lifts a do-not-call request"`);
    expect(violation.citation).toBe('47 CFR 64.1200(d); 16 CFR 310.4(b)(1)(iii)(A)');
  });
});

describe('dnc.internal input errors', () => {
  it('an invalid entry "call me" is an InputError naming registries.internal.numbers[1]', () => {
    const attempt = anAttempt({ registries: { internal: { numbers: ['+13125550189', 'call me'] } } });
    let thrown: unknown;
    try {
      screen(attempt, { packs: ['us-federal'] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).problems).toEqual([{ path: 'registries.internal.numbers[1]', message: '"call me" is not a valid phone number' }]);
  });
});

describe('dnc.internal in the US federal pack: nothing lifts it', () => {
  it("+1 312 555 0188 on acme's internal list is blocked by dnc.internal alone", () => {
    expect(rulesOf(check())).toEqual(BLOCKED);
  });

  it('every exemption dnc.national knows: still blocked by dnc.internal alone', () => {
    expect(rulesOf(check(EVERY_EXEMPTION))).toEqual(BLOCKED);
  });

  it('a transaction on 2026-01-15 lifts dnc.national for the same number but not dnc.internal', () => {
    const decision = check({
      relationship: { lastTransactionAt: '2026-01-15' },
      registries: { national: { syncedAt: '2026-03-01', numbers: ['+13125550188'] }, internal: { numbers: ['+13125550188'] } },
    });
    expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['dnc.internal'], exemptions: ['dnc.national'] });
  });

  it('an informational autodialed call with written consent is blocked by dnc.internal alone; the consent lifts only consent.autodial-wireless', () => {
    const decision = check({ ...EVERY_EXEMPTION, purpose: 'informational', method: 'autodialer', callee: { lineType: 'mobile' } });
    expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['dnc.internal'], exemptions: ['consent.autodial-wireless'] });
  });

  it('an informational call at 23:00 to a listed number is blocked by dnc.internal, not by the hours', () => {
    expect(rulesOf(check({ purpose: 'informational', at: '2026-03-10T23:00:00-05:00' }))).toEqual(BLOCKED);
  });
});
