import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { numberInvalid } from '../../../policies/common/index.js';
import { writtenConsent } from '../../support/consents.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is a manual telemarketing call at 14:00 in Chicago; each case sets `to`.

/** The finding for `to`: its input, quoted as JSON. */
const invalid = (to: string) => ({ messageId: 'invalid' as const, data: { input: JSON.stringify(to) } });

testPolicy(numberInvalid, {
  allowed: [
    { name: '"(312) 555-0188" with no country code is read as a US number and is valid', request: { to: '(312) 555-0188' } },
    { name: '"+1 312 555 0188" is valid', request: { to: '+1 312 555 0188' } },
  ],
  blocked: [
    { name: '"555-0123" (seven digits, no area code) is not a valid number', request: { to: '555-0123' }, findings: [invalid('555-0123')] },
    { name: '+1 312 555 01 is not a valid number (too few digits)', request: { to: '+1 312 555 01' }, findings: [invalid('+1 312 555 01')] },
    { name: '+1 312 555 01888 is not a valid number (too many digits)', request: { to: '+1 312 555 01888' }, findings: [invalid('+1 312 555 01888')] },
    { name: '+1 123 555 0188 is not a valid number (an area code cannot start with 1)', request: { to: '+1 123 555 0188' }, findings: [invalid('+1 123 555 0188')] },
    { name: '(312) 055-0188 is not a valid number (an exchange cannot start with 0)', request: { to: '(312) 055-0188' }, findings: [invalid('(312) 055-0188')] },
    { name: '"call me maybe" is not a valid number (no digits)', request: { to: 'call me maybe' }, findings: [invalid('call me maybe')] },
  ],
});

/** Screens `overrides` of the default request with the common rules and the US federal pack, pinned. */
function check(overrides: Partial<CheckRequestInput>): Decision {
  return screen(anAttempt(overrides), { packs: ['us-federal'] });
}

const BLOCKED = { verdict: 'block', violations: ['number.invalid'], exemptions: [] };

describe('number.invalid messages', () => {
  it('invalid quotes the input; the decision reports no number and no zone', () => {
    const decision = check({ to: '555-0123' });
    expect(violationOf(decision, 'number.invalid').message).toMatchInlineSnapshot(`""555-0123" is not a valid phone number"`);
    expect(decision.callee).toMatchObject({ e164: null, timeZones: [], localTimes: [] });
  });
});

describe('number.invalid in the US federal pack', () => {
  it('"(312) 555-0188" is allowed, read as +13125550188', () => {
    const decision = check({ to: '(312) 555-0188' });
    expect(rulesOf(decision)).toEqual({ verdict: 'allow', violations: [], exemptions: [] });
    expect(decision.callee.e164).toBe('+13125550188');
  });

  it('ends the screening: at 23:00, autodialed, no registry copy and written consent on file, number.invalid is the only finding', () => {
    const decision = check({
      to: '555-0123',
      at: '2026-03-10T23:00:00-05:00',
      method: 'autodialer',
      callee: { lineType: 'mobile', timeZone: 'America/Chicago' },
      consents: [writtenConsent('acme', '2025-01-02')],
      registries: {},
    });
    expect(rulesOf(decision)).toEqual(BLOCKED);
  });

  it('ends the screening for an informational prerecorded call to an unknown line too', () => {
    expect(rulesOf(check({ to: '555-0123', purpose: 'informational', method: 'prerecorded' }))).toEqual(BLOCKED);
  });
});
