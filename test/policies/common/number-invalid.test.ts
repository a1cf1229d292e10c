import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { aCheckRequest } from '../../../src/testing/a-check-request.js';
import { writtenConsent } from '../../support/consents.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

/** Screens the default request (a manual telemarketing call at 14:00 in Chicago) with `overrides`. */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  return screen(parseCheckRequest(aCheckRequest(overrides)));
}

const RULE = 'number.invalid';

const BLOCKED = { verdict: 'block', violations: ['number.invalid'], exemptions: [] };

describe('number.invalid', () => {
  it('"555-0123" (seven digits, no area code) is not a valid number', () => {
    const decision = check({ to: '555-0123' });
    expect(rulesOf(decision)).toEqual(BLOCKED);
    const { messageId, data } = violationOf(decision, RULE);
    expect({ messageId, data }).toEqual({ messageId: 'invalid', data: { input: '"555-0123"' } });
    expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`""555-0123" is not a valid phone number"`);
    expect(decision.callee).toEqual({ e164: null, timeZones: [], localTimes: [] });
  });

  it.each([
    ['+1 312 555 01', 'too few digits'],
    ['+1 312 555 01888', 'too many digits'],
    ['+1 123 555 0188', 'an area code cannot start with 1'],
    ['(312) 055-0188', 'an exchange cannot start with 0'],
    ['call me maybe', 'no digits'],
  ])('%s is not a valid number (%s)', (to) => {
    const decision = check({ to });
    expect(rulesOf(decision)).toEqual(BLOCKED);
    expect(violationOf(decision, RULE).data).toEqual({ input: JSON.stringify(to) });
  });

  it('"(312) 555-0188" with no country code is read as a US number and is valid', () => {
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
    const decision = check({ to: '555-0123', purpose: 'informational', method: 'prerecorded' });
    expect(rulesOf(decision)).toEqual(BLOCKED);
  });
});
