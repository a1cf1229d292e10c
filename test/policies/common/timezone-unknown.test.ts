import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { InputError } from '../../../src/core/input-error.js';
import { screen, type ScreenOptions } from '../../../src/engine/screen.js';
import { localTimeDirect } from '../../../src/resolve/local-time.js';
import { resolveNumberDirect } from '../../../src/resolve/phone-number.js';
import type { ResolutionStrategy } from '../../../src/resolve/resolve-attempt.js';
import { aCheckRequest } from '../../../src/testing/a-check-request.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

/** Screens the default request (a manual telemarketing call at 14:00 in Chicago) with `overrides`. */
function check(overrides: Partial<CheckRequestInput> = {}, options: ScreenOptions = {}): Decision {
  return screen(parseCheckRequest(aCheckRequest(overrides)), options);
}

/**
 * Every US geographic area code has a zone in the shipped data, so an unknown one is simulated: numbers resolve as
 * usual, except that toll-free numbers are reported as geographic (and 800 has no zone in the data).
 */
function tollFreeAsGeographic(): ResolutionStrategy {
  return {
    number: (input) => {
      const facts = resolveNumberDirect(input);
      return facts.kind === 'toll-free' ? { ...facts, kind: 'geographic' } : facts;
    },
    localTime: localTimeDirect,
  };
}

const RULE = 'timezone.unknown';

const BLOCKED = { verdict: 'block', violations: ['timezone.unknown'], exemptions: [] };
const ALLOWED = { verdict: 'allow', violations: [], exemptions: [] };

describe('timezone.unknown', () => {
  describe('non-geographic numbers have no local time', () => {
    it('a telemarketing call to toll-free 800-555-0100 is blocked: the hours cannot be checked', () => {
      const decision = check({ to: '800-555-0100' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'nonGeographic', data: { e164: '+18005550100', kind: 'toll-free' } });
      expect(violationOf(decision, RULE).citation).toBe('47 CFR 64.1200(c)(1); 16 CFR 310.4(c)');
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"+18005550100 is a toll-free number with no location, so the callee's local time is unknown; give callee.timeZone from the lead's address"`);
      expect(decision.callee).toEqual({ e164: '+18005550100', timeZones: [], localTimes: [] });
    });

    it.each([
      ['888-555-0100', '+18885550100', 'toll-free'],
      ['500-555-0100', '+15005550100', 'personal'],
      ['900-555-0100', '+19005550100', 'premium-rate'],
    ])('a telemarketing call to %s is blocked (%s is %s)', (to, e164, kind) => {
      const decision = check({ to });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'nonGeographic', data: { e164, kind } });
    });

    it('it stands in for hours.federal even at 23:00 by the caller\'s clock: hours.federal is not reported', () => {
      expect(rulesOf(check({ to: '800-555-0100', at: '2026-03-10T23:00:00-05:00' }))).toEqual(BLOCKED);
    });

    it('it is reported with the other violations: 800-555-0100 on the internal list is blocked by both', () => {
      const decision = check({
        to: '800-555-0100',
        registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['(800) 555-0100'] } },
      });
      expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['dnc.internal', 'timezone.unknown'], exemptions: [] });
    });
  });

  describe('only when a time-of-day rule applies', () => {
    it.each(['800-555-0100', '888-555-0100', '500-555-0100'])('an informational manual call to %s is allowed', (to) => {
      expect(rulesOf(check({ to, purpose: 'informational' }))).toEqual(ALLOWED);
    });

    it('a telemarketing call to a business on 800-555-0100 is allowed', () => {
      expect(rulesOf(check({ to: '800-555-0100', callee: { business: true } }))).toEqual(ALLOWED);
    });

    it('an informational autodialed call to 800-555-0100 with no consent is blocked by consent only', () => {
      const decision = check({ to: '800-555-0100', purpose: 'informational', method: 'autodialer' });
      expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['consent.autodial-wireless'], exemptions: [] });
    });
  });

  describe('callee.timeZone makes the local time known', () => {
    it('800-555-0100 with callee.timeZone America/Chicago at 14:00 Chicago is allowed', () => {
      const decision = check({ to: '800-555-0100', callee: { timeZone: 'America/Chicago' } });
      expect(rulesOf(decision)).toEqual(ALLOWED);
      expect(decision.callee.timeZones).toEqual(['America/Chicago']);
      expect(decision.callee.localTimes).toEqual(['2026-03-10T14:00:00-05:00']);
    });

    it('800-555-0100 with callee.timeZone America/Chicago at 21:30 Chicago is blocked by hours.federal instead', () => {
      const decision = check({ to: '800-555-0100', at: '2026-03-10T21:30:00-05:00', callee: { timeZone: 'America/Chicago' } });
      expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['hours.federal'], exemptions: [] });
    });

    it('a callee.timeZone that is not an IANA name ("America/Denvr") is an InputError naming callee.timeZone', () => {
      let thrown: unknown;
      try {
        parseCheckRequest(aCheckRequest({ to: '800-555-0100', callee: { timeZone: 'America/Denvr' } }));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InputError);
      // Each problem also carries its path as keys (for scenario files' line numbers): compared apart.
      expect((thrown as InputError).problems.map(({ path, message }) => ({ path, message }))).toEqual([
        { path: 'callee.timeZone', message: 'is not an IANA time zone name (e.g. "America/Denver")' },
      ]);
      expect((thrown as InputError).problems[0]?.keys).toEqual(['callee', 'timeZone']);
    });

    it('500-555-0100 with callee.timeZone Pacific/Honolulu at 14:00 Chicago (09:00 HST) is allowed', () => {
      expect(rulesOf(check({ to: '500-555-0100', callee: { timeZone: 'Pacific/Honolulu' } }))).toEqual(ALLOWED);
    });
  });

  describe('a geographic number whose area code has no zone in the data', () => {
    it('is blocked, naming the area code', () => {
      const decision = check({ to: '800-555-0100' }, { strategy: tollFreeAsGeographic() });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'unknownAreaCode', data: { e164: '+18005550100', areaCode: '800' } });
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"no time zone is known for area code 800 (+18005550100), so the callee's local time is unknown; give callee.timeZone from the lead's address"`);
    });

    it('is allowed once callee.timeZone is given', () => {
      const decision = check({ to: '800-555-0100', callee: { timeZone: 'America/Chicago' } }, { strategy: tollFreeAsGeographic() });
      expect(rulesOf(decision)).toEqual(ALLOWED);
    });
  });
});
