import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { aCheckRequest } from '../../../src/testing/a-check-request.js';
import { writtenConsent } from '../../support/consents.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

// Numbers by area code: 312 Chicago, 212 New York, 303 Denver, 602 Phoenix, 808 Honolulu, 208 Idaho, 907 Alaska.
const CHICAGO = '+1 312 555 0188';
const NEW_YORK = '+1 212 555 0147';
const DENVER = '+1 303 555 0123';
const PHOENIX = '+1 602 555 0100';
const HONOLULU = '+1 808 555 0100';
const IDAHO = '+1 208 555 0100';
const ALASKA = '+1 907 555 0100';

/**
 * Screens the default request (a manual telemarketing call to Chicago) with `overrides`. The registry copy is synced
 * at the call itself, so dnc.registry-stale stays quiet whatever the date of the call.
 */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  const request = aCheckRequest(overrides);
  return screen(parseCheckRequest({ ...request, registries: { national: { syncedAt: request.at, numbers: [] } } }));
}

const RULE = 'hours.federal';

const ALLOWED = { verdict: 'allow', violations: [], exemptions: [] };
const BLOCKED = { verdict: 'block', violations: ['hours.federal'], exemptions: [] };

describe('hours.federal', () => {
  describe('the 08:00–21:00 window (Chicago, CDT, UTC-5)', () => {
    it('07:59:59 local is blocked, 08:00:00 is allowed', () => {
      const early = check({ at: '2026-03-10T07:59:59-05:00' });
      expect(rulesOf(early)).toEqual(BLOCKED);
      expect(early).toBeBlockedBy(RULE, { messageId: 'beforeWindow', data: { localTime: '07:59:59', zone: 'America/Chicago' } });
      expect(violationOf(early, RULE).message).toMatchInlineSnapshot(`"07:59:59 in America/Chicago is before 08:00"`);
      expect(violationOf(early, RULE).citation).toBe('47 CFR 64.1200(c)(1); 16 CFR 310.4(c)');

      expect(rulesOf(check({ at: '2026-03-10T08:00:00-05:00' }))).toEqual(ALLOWED);
    });

    it('21:00:00 local is blocked, 20:59:59 is allowed', () => {
      const late = check({ at: '2026-03-10T21:00:00-05:00' });
      expect(rulesOf(late)).toEqual(BLOCKED);
      expect(late).toBeBlockedBy(RULE, { messageId: 'afterWindow', data: { localTime: '21:00', zone: 'America/Chicago' } });
      expect(violationOf(late, RULE).message).toMatchInlineSnapshot(`"21:00 in America/Chicago is at or after 21:00"`);

      expect(rulesOf(check({ at: '2026-03-10T20:59:59-05:00' }))).toEqual(ALLOWED);
    });

    it('20:59:59.999 local is still allowed: 21:00:00.000 is the first blocked instant', () => {
      expect(rulesOf(check({ at: '2026-03-10T20:59:59.999-05:00' }))).toEqual(ALLOWED);
      expect(rulesOf(check({ at: '2026-03-10T21:00:00.000-05:00' }))).toEqual(BLOCKED);
    });

    it('seconds are optional in `at`: 21:00-05:00 is 21:00:00 and blocked', () => {
      expect(rulesOf(check({ at: '2026-03-10T21:00-05:00' }))).toEqual(BLOCKED);
    });

    it('the offset written in `at` does not matter: 02:00Z on 11 March is 21:00 in Chicago', () => {
      const decision = check({ at: '2026-03-11T02:00:00Z' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision.callee.localTimes).toEqual(['2026-03-10T21:00:00-05:00']);
    });

    it('applies to every dialing method: an autodialed call with written consent at 21:30 is blocked by hours only', () => {
      const decision = check({
        at: '2026-03-10T21:30:00-05:00',
        method: 'autodialer',
        callee: { lineType: 'mobile' },
        consents: [writtenConsent('acme', '2025-01-02T00:00:00Z')],
      });
      expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['hours.federal'], exemptions: ['consent.autodial-wireless'] });
    });
  });

  describe('spring forward, 8 March 2026 (New York: 02:00 EST becomes 03:00 EDT at 07:00Z)', () => {
    it('06:59:59Z is 01:59:59 EST and 07:00:00Z is 03:00:00 EDT: both blocked', () => {
      const before = check({ to: NEW_YORK, at: '2026-03-08T06:59:59Z' });
      expect(rulesOf(before)).toEqual(BLOCKED);
      expect(before.callee.localTimes).toEqual(['2026-03-08T01:59:59-05:00']);
      expect(before).toBeBlockedBy(RULE, { messageId: 'beforeWindow', data: { localTime: '01:59:59', zone: 'America/New_York' } });

      const after = check({ to: NEW_YORK, at: '2026-03-08T07:00:00Z' });
      expect(rulesOf(after)).toEqual(BLOCKED);
      expect(after.callee.localTimes).toEqual(['2026-03-08T03:00:00-04:00']);
      expect(after).toBeBlockedBy(RULE, { messageId: 'beforeWindow', data: { localTime: '03:00', zone: 'America/New_York' } });
    });

    it('02:30 does not exist that night: 07:30Z is 03:30 EDT', () => {
      const decision = check({ to: NEW_YORK, at: '2026-03-08T07:30:00Z' });
      expect(decision.callee.localTimes).toEqual(['2026-03-08T03:30:00-04:00']);
      expect(decision).toBeBlockedBy(RULE, { data: { localTime: '03:30', zone: 'America/New_York' } });
    });

    it('07:59:59 EDT (11:59:59Z) is blocked, 08:00:00 EDT (12:00:00Z) is allowed', () => {
      expect(rulesOf(check({ to: NEW_YORK, at: '2026-03-08T11:59:59Z' }))).toEqual(BLOCKED);
      expect(rulesOf(check({ to: NEW_YORK, at: '2026-03-08T12:00:00Z' }))).toEqual(ALLOWED);
    });

    it('12:30Z is 07:30 EST on 7 March (blocked) but 08:30 EDT on 8 March (allowed)', () => {
      const saturday = check({ to: NEW_YORK, at: '2026-03-07T12:30:00Z' });
      expect(rulesOf(saturday)).toEqual(BLOCKED);
      expect(saturday.callee.localTimes).toEqual(['2026-03-07T07:30:00-05:00']);

      const sunday = check({ to: NEW_YORK, at: '2026-03-08T12:30:00Z' });
      expect(rulesOf(sunday)).toEqual(ALLOWED);
      expect(sunday.callee.localTimes).toEqual(['2026-03-08T08:30:00-04:00']);
    });

    it('07:30 written with the winter offset (-05:00) on 8 March is the instant 08:30 EDT: allowed', () => {
      const decision = check({ to: NEW_YORK, at: '2026-03-08T07:30:00-05:00' });
      expect(rulesOf(decision)).toEqual(ALLOWED);
      expect(decision.callee.localTimes).toEqual(['2026-03-08T08:30:00-04:00']);
    });
  });

  describe('fall back, 1 November 2026 (New York: 02:00 EDT becomes 01:00 EST at 06:00Z)', () => {
    it('07:30 EST on the morning of 1 November (12:30Z) is blocked, 08:00 EST (13:00Z) is allowed', () => {
      const early = check({ to: NEW_YORK, at: '2026-11-01T07:30:00-05:00' });
      expect(rulesOf(early)).toEqual(BLOCKED);
      expect(early.callee.localTimes).toEqual(['2026-11-01T07:30:00-05:00']);
      expect(early).toBeBlockedBy(RULE, { messageId: 'beforeWindow', data: { localTime: '07:30', zone: 'America/New_York' } });

      expect(rulesOf(check({ to: NEW_YORK, at: '2026-11-01T13:00:00Z' }))).toEqual(ALLOWED);
    });

    it('08:00 written with the summer offset (-04:00) on 1 November is 07:00 EST: blocked', () => {
      const decision = check({ to: NEW_YORK, at: '2026-11-01T08:00:00-04:00' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision.callee.localTimes).toEqual(['2026-11-01T07:00:00-05:00']);
      expect(decision).toBeBlockedBy(RULE, { data: { localTime: '07:00', zone: 'America/New_York' } });
    });

    it('01:30 happens twice (05:30Z in EDT, 06:30Z in EST) and both are blocked', () => {
      const first = check({ to: NEW_YORK, at: '2026-11-01T05:30:00Z' });
      const second = check({ to: NEW_YORK, at: '2026-11-01T06:30:00Z' });
      expect(first.callee.localTimes).toEqual(['2026-11-01T01:30:00-04:00']);
      expect(second.callee.localTimes).toEqual(['2026-11-01T01:30:00-05:00']);
      expect(rulesOf(first)).toEqual(BLOCKED);
      expect(rulesOf(second)).toEqual(BLOCKED);
    });

    it('01:00Z on 2 November is 20:00 EST (allowed), not 21:00 as under EDT; 02:00Z is 21:00 EST (blocked)', () => {
      const evening = check({ to: NEW_YORK, at: '2026-11-02T01:00:00Z' });
      expect(rulesOf(evening)).toEqual(ALLOWED);
      expect(evening.callee.localTimes).toEqual(['2026-11-01T20:00:00-05:00']);

      const late = check({ to: NEW_YORK, at: '2026-11-02T02:00:00Z' });
      expect(rulesOf(late)).toEqual(BLOCKED);
      expect(late).toBeBlockedBy(RULE, { messageId: 'afterWindow', data: { localTime: '21:00', zone: 'America/New_York' } });
    });
  });

  describe('Arizona (602, America/Phoenix: UTC-7 all year, no DST)', () => {
    it('in July 03:30Z is 20:30 in Phoenix (allowed) but 21:30 MDT in Denver (blocked)', () => {
      const phoenix = check({ to: PHOENIX, at: '2026-07-16T03:30:00Z' });
      expect(rulesOf(phoenix)).toEqual(ALLOWED);
      expect(phoenix.callee).toEqual({
        e164: '+16025550100',
        timeZones: ['America/Phoenix'],
        localTimes: ['2026-07-15T20:30:00-07:00'],
      });

      const denver = check({ to: DENVER, at: '2026-07-16T03:30:00Z' });
      expect(rulesOf(denver)).toEqual(BLOCKED);
      expect(denver).toBeBlockedBy(RULE, { messageId: 'afterWindow', data: { localTime: '21:30', zone: 'America/Denver' } });
    });

    it('in January Phoenix and Denver share UTC-7: 03:30Z is 20:30 in both, allowed', () => {
      const phoenix = check({ to: PHOENIX, at: '2026-01-16T03:30:00Z' });
      const denver = check({ to: DENVER, at: '2026-01-16T03:30:00Z' });
      expect(phoenix.callee.localTimes).toEqual(['2026-01-15T20:30:00-07:00']);
      expect(denver.callee.localTimes).toEqual(['2026-01-15T20:30:00-07:00']);
      expect(rulesOf(phoenix)).toEqual(ALLOWED);
      expect(rulesOf(denver)).toEqual(ALLOWED);
    });

    it('on 8 March 2026 Phoenix does not spring forward: 14:30Z is 07:30 in Phoenix (blocked), 08:30 MDT in Denver (allowed)', () => {
      const phoenix = check({ to: PHOENIX, at: '2026-03-08T14:30:00Z' });
      expect(rulesOf(phoenix)).toEqual(BLOCKED);
      expect(phoenix).toBeBlockedBy(RULE, { messageId: 'beforeWindow', data: { localTime: '07:30', zone: 'America/Phoenix' } });

      const denver = check({ to: DENVER, at: '2026-03-08T14:30:00Z' });
      expect(rulesOf(denver)).toEqual(ALLOWED);
      expect(denver.callee.localTimes).toEqual(['2026-03-08T08:30:00-06:00']);
    });

    it('in March, after the change, Phoenix is still UTC-7: 21:00:00-07:00 is blocked, 20:59:59-07:00 is allowed', () => {
      const late = check({ to: PHOENIX, at: '2026-03-10T21:00:00-07:00' });
      expect(rulesOf(late)).toEqual(BLOCKED);
      expect(late.callee.localTimes).toEqual(['2026-03-10T21:00:00-07:00']);

      expect(rulesOf(check({ to: PHOENIX, at: '2026-03-10T20:59:59-07:00' }))).toEqual(ALLOWED);
    });
  });

  describe('Hawaii (808, Pacific/Honolulu: UTC-10 all year)', () => {
    it('in January 07:59:59 HST (17:59:59Z) is blocked and 08:00:00 HST is allowed', () => {
      const early = check({ to: HONOLULU, at: '2026-01-15T17:59:59Z' });
      expect(rulesOf(early)).toEqual(BLOCKED);
      expect(early.callee.localTimes).toEqual(['2026-01-15T07:59:59-10:00']);
      expect(early).toBeBlockedBy(RULE, { data: { localTime: '07:59:59', zone: 'Pacific/Honolulu' } });

      expect(rulesOf(check({ to: HONOLULU, at: '2026-01-15T18:00:00Z' }))).toEqual(ALLOWED);
    });

    it('in July 20:59:59 HST (06:59:59Z) is allowed and 21:00:00 HST (07:00:00Z) is blocked', () => {
      const evening = check({ to: HONOLULU, at: '2026-07-16T06:59:59Z' });
      expect(rulesOf(evening)).toEqual(ALLOWED);
      expect(evening.callee.localTimes).toEqual(['2026-07-15T20:59:59-10:00']);

      const late = check({ to: HONOLULU, at: '2026-07-16T07:00:00Z' });
      expect(rulesOf(late)).toEqual(BLOCKED);
      expect(late).toBeBlockedBy(RULE, { data: { localTime: '21:00', zone: 'Pacific/Honolulu' } });
    });
  });

  describe('area codes that span zones', () => {
    it('208 yields America/Boise, America/Denver and America/Los_Angeles', () => {
      expect(check({ to: IDAHO }).callee.timeZones).toEqual(['America/Boise', 'America/Denver', 'America/Los_Angeles']);
    });

    it('07:30 Pacific is 08:30 Mountain: 208 is blocked because Los Angeles is outside the window', () => {
      const decision = check({ to: IDAHO, at: '2026-03-10T07:30:00-07:00' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision.callee.localTimes).toEqual([
        '2026-03-10T08:30:00-06:00',
        '2026-03-10T08:30:00-06:00',
        '2026-03-10T07:30:00-07:00',
      ]);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'beforeWindow', data: { localTime: '07:30', zone: 'America/Los_Angeles' } });
    });

    it('20:30 Mountain is 19:30 Pacific: 208 is allowed, all three zones are inside the window', () => {
      expect(rulesOf(check({ to: IDAHO, at: '2026-03-10T20:30:00-06:00' }))).toEqual(ALLOWED);
    });

    it('21:00 Mountain is blocked in Boise and Denver though Los Angeles is at 20:00', () => {
      const decision = check({ to: IDAHO, at: '2026-03-10T21:00:00-06:00' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, {
        messageId: 'outsideInSeveralZones',
        data: { count: 2, zones: '21:00 in America/Boise, 21:00 in America/Denver' },
      });
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"outside 08:00–21:00 in 2 of the candidate zones: 21:00 in America/Boise, 21:00 in America/Denver"`);
    });

    it('907 includes America/Adak: 08:30 in Anchorage (16:30Z) is 07:30 in Adak, blocked', () => {
      const decision = check({ to: ALASKA, at: '2026-03-10T08:30:00-08:00' });
      expect(decision.callee.timeZones).toContain('America/Adak');
      expect(decision.callee.timeZones).toContain('America/Anchorage');
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(String(violationOf(decision, RULE).data.zones)).toContain('07:30 in America/Adak');
    });
  });

  describe('callee.timeZone replaces the zones inferred from the area code', () => {
    it('208 with callee.timeZone America/Boise at 07:30 Pacific is allowed: only Boise (08:30) is checked', () => {
      const decision = check({ to: IDAHO, at: '2026-03-10T07:30:00-07:00', callee: { timeZone: 'America/Boise' } });
      expect(rulesOf(decision)).toEqual(ALLOWED);
      expect(decision.callee.timeZones).toEqual(['America/Boise']);
      expect(decision.callee.localTimes).toEqual(['2026-03-10T08:30:00-06:00']);
    });

    it('a Chicago number whose callee lives in Los Angeles: 09:30 Chicago is 07:30 there, blocked', () => {
      const decision = check({ to: CHICAGO, at: '2026-03-10T09:30:00-05:00', callee: { timeZone: 'America/Los_Angeles' } });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'beforeWindow', data: { localTime: '07:30', zone: 'America/Los_Angeles' } });
    });
  });

  describe('when the rule does not apply', () => {
    it('a business callee may be called at 23:00 local', () => {
      expect(rulesOf(check({ at: '2026-03-10T23:00:00-05:00', callee: { business: true } }))).toEqual(ALLOWED);
    });

    it('an informational call at 23:00 local is allowed', () => {
      expect(rulesOf(check({ at: '2026-03-10T23:00:00-05:00', purpose: 'informational' }))).toEqual(ALLOWED);
    });

    it('the same call at 23:00 as telemarketing to a residence is blocked', () => {
      expect(rulesOf(check({ at: '2026-03-10T23:00:00-05:00', purpose: 'telemarketing', callee: { business: false } }))).toEqual(BLOCKED);
    });
  });
});
