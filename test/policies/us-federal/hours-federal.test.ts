import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { hoursFederal } from '../../../policies/us-federal/index.js';
import { writtenConsent } from '../../support/consents.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

// Numbers by area code: 312 Chicago, 212 New York, 303 Denver, 602 Phoenix, 808 Honolulu, 208 Idaho, 907 Alaska.
// The default call is a manual telemarketing call to Chicago; each case sets `at` (and `to` outside Chicago).
const CHICAGO = '+1 312 555 0188';
const NEW_YORK = '+1 212 555 0147';
const DENVER = '+1 303 555 0123';
const PHOENIX = '+1 602 555 0100';
const HONOLULU = '+1 808 555 0100';
const IDAHO = '+1 208 555 0100';
const ALASKA = '+1 907 555 0100';

const before = (localTime: string, zone: string) => ({ messageId: 'beforeWindow' as const, data: { localTime, zone } });
const after = (localTime: string, zone: string) => ({ messageId: 'afterWindow' as const, data: { localTime, zone } });

/** A call to New York at `at`. */
const newYork = (at: string) => ({ to: NEW_YORK, at });

// Screened with hours.federal alone (and timezone.unknown, its guard): each blocked case lists its one finding.
testPolicy(hoursFederal, {
  allowed: [
    // The 08:00–21:00 window (Chicago, CDT, UTC-5).
    { name: '08:00:00 Chicago is allowed, the first second of the window', request: { at: '2026-03-10T08:00:00-05:00' } },
    { name: '20:59:59 Chicago is allowed', request: { at: '2026-03-10T20:59:59-05:00' } },
    { name: '20:59:59.999 Chicago is still allowed: 21:00:00.000 is the first blocked instant', request: { at: '2026-03-10T20:59:59.999-05:00' } },

    // Spring forward, 8 March 2026 (New York: 02:00 EST becomes 03:00 EDT at 07:00Z).
    { name: 'spring forward: 08:00:00 EDT in New York (12:00:00Z on 8 March) is allowed', request: newYork('2026-03-08T12:00:00Z') },
    { name: 'spring forward: 12:30Z on 8 March is 08:30 EDT in New York, allowed', request: newYork('2026-03-08T12:30:00Z') },
    {
      name: 'spring forward: 07:30 written with the winter offset (-05:00) on 8 March is the instant 08:30 EDT, allowed',
      request: newYork('2026-03-08T07:30:00-05:00'),
    },

    // Fall back, 1 November 2026 (New York: 02:00 EDT becomes 01:00 EST at 06:00Z).
    { name: 'fall back: 08:00 EST in New York (13:00Z on 1 November) is allowed', request: newYork('2026-11-01T13:00:00Z') },
    { name: 'fall back: 01:00Z on 2 November is 20:00 EST in New York (not 21:00 as under EDT), allowed', request: newYork('2026-11-02T01:00:00Z') },

    // Arizona (602, America/Phoenix: UTC-7 all year, no DST).
    { name: 'in July 03:30Z is 20:30 in Phoenix, allowed', request: { to: PHOENIX, at: '2026-07-16T03:30:00Z' } },
    { name: 'in January 03:30Z is 20:30 in Phoenix, allowed', request: { to: PHOENIX, at: '2026-01-16T03:30:00Z' } },
    { name: 'in January Denver shares UTC-7 with Phoenix: 03:30Z is 20:30 MST, allowed', request: { to: DENVER, at: '2026-01-16T03:30:00Z' } },
    { name: 'on 8 March 14:30Z is 08:30 MDT in Denver (it sprang forward), allowed', request: { to: DENVER, at: '2026-03-08T14:30:00Z' } },
    { name: 'after the change Phoenix is still UTC-7: 20:59:59-07:00 on 10 March is allowed', request: { to: PHOENIX, at: '2026-03-10T20:59:59-07:00' } },

    // Hawaii (808, Pacific/Honolulu: UTC-10 all year).
    { name: 'in January 08:00:00 HST in Honolulu (18:00:00Z) is allowed', request: { to: HONOLULU, at: '2026-01-15T18:00:00Z' } },
    { name: 'in July 20:59:59 HST in Honolulu (06:59:59Z) is allowed', request: { to: HONOLULU, at: '2026-07-16T06:59:59Z' } },

    // Area codes that span zones, and callee.timeZone replacing them.
    { name: '208 at 20:30 Mountain (19:30 Pacific) is allowed: all three zones are inside the window', request: { to: IDAHO, at: '2026-03-10T20:30:00-06:00' } },
    {
      name: '208 with callee.timeZone America/Boise at 07:30 Pacific is allowed: only Boise (08:30) is checked',
      request: { to: IDAHO, at: '2026-03-10T07:30:00-07:00', callee: { timeZone: 'America/Boise' } },
    },

    // When the rule does not apply.
    { name: 'a business callee may be called at 23:00 Chicago', request: { at: '2026-03-10T23:00:00-05:00', callee: { business: true } } },
    { name: 'an informational call at 23:00 Chicago is allowed', request: { at: '2026-03-10T23:00:00-05:00', purpose: 'informational' } },
  ],
  blocked: [
    // The 08:00–21:00 window (Chicago, CDT, UTC-5).
    { name: '07:59:59 Chicago is blocked, the last second before the window', request: { at: '2026-03-10T07:59:59-05:00' }, findings: [before('07:59:59', 'America/Chicago')] },
    { name: '21:00:00 Chicago is blocked', request: { at: '2026-03-10T21:00:00-05:00' }, findings: [after('21:00', 'America/Chicago')] },
    { name: '21:00:00.000 Chicago is blocked', request: { at: '2026-03-10T21:00:00.000-05:00' }, findings: [after('21:00', 'America/Chicago')] },
    { name: 'seconds are optional in `at`: 21:00-05:00 is 21:00:00 Chicago, blocked', request: { at: '2026-03-10T21:00-05:00' }, findings: [after('21:00', 'America/Chicago')] },
    {
      name: 'the offset written in `at` does not matter: 02:00Z on 11 March is 21:00 in Chicago, blocked',
      request: { at: '2026-03-11T02:00:00Z' },
      findings: [after('21:00', 'America/Chicago')],
    },
    {
      name: 'every dialing method: an autodialed call to a mobile with written consent at 21:30 Chicago is blocked',
      request: { at: '2026-03-10T21:30:00-05:00', method: 'autodialer', callee: { lineType: 'mobile' }, consents: [writtenConsent('acme', '2025-01-02T00:00:00Z')] },
      findings: [after('21:30', 'America/Chicago')],
    },
    {
      name: 'the same call at 23:00 Chicago as telemarketing to a residence is blocked',
      request: { at: '2026-03-10T23:00:00-05:00', purpose: 'telemarketing', callee: { business: false } },
      findings: [after('23:00', 'America/Chicago')],
    },

    // Spring forward, 8 March 2026 (New York: 02:00 EST becomes 03:00 EDT at 07:00Z).
    { name: 'spring forward: 06:59:59Z is 01:59:59 EST in New York, blocked', request: newYork('2026-03-08T06:59:59Z'), findings: [before('01:59:59', 'America/New_York')] },
    { name: 'spring forward: 07:00:00Z is 03:00:00 EDT in New York, blocked', request: newYork('2026-03-08T07:00:00Z'), findings: [before('03:00', 'America/New_York')] },
    { name: 'spring forward: 02:30 does not exist that night, 07:30Z is 03:30 EDT in New York, blocked', request: newYork('2026-03-08T07:30:00Z'), findings: [before('03:30', 'America/New_York')] },
    { name: 'spring forward: 07:59:59 EDT in New York (11:59:59Z) is blocked', request: newYork('2026-03-08T11:59:59Z'), findings: [before('07:59:59', 'America/New_York')] },
    { name: 'spring forward: 12:30Z on 7 March, the day before, is 07:30 EST in New York, blocked', request: newYork('2026-03-07T12:30:00Z'), findings: [before('07:30', 'America/New_York')] },

    // Fall back, 1 November 2026 (New York: 02:00 EDT becomes 01:00 EST at 06:00Z).
    { name: 'fall back: 07:30 EST in New York on the morning of 1 November (12:30Z) is blocked', request: newYork('2026-11-01T07:30:00-05:00'), findings: [before('07:30', 'America/New_York')] },
    { name: 'fall back: 08:00 written with the summer offset (-04:00) on 1 November is 07:00 EST in New York, blocked', request: newYork('2026-11-01T08:00:00-04:00'), findings: [before('07:00', 'America/New_York')] },
    { name: 'fall back: the first 01:30 in New York (05:30Z, EDT) is blocked', request: newYork('2026-11-01T05:30:00Z'), findings: [before('01:30', 'America/New_York')] },
    { name: 'fall back: the second 01:30 in New York (06:30Z, EST) is blocked', request: newYork('2026-11-01T06:30:00Z'), findings: [before('01:30', 'America/New_York')] },
    { name: 'fall back: 02:00Z on 2 November is 21:00 EST in New York, blocked', request: newYork('2026-11-02T02:00:00Z'), findings: [after('21:00', 'America/New_York')] },

    // Arizona (602, America/Phoenix: UTC-7 all year, no DST).
    { name: 'in July 03:30Z is 21:30 MDT in Denver, blocked (20:30 in Phoenix)', request: { to: DENVER, at: '2026-07-16T03:30:00Z' }, findings: [after('21:30', 'America/Denver')] },
    { name: 'on 8 March Phoenix does not spring forward: 14:30Z is 07:30 in Phoenix, blocked', request: { to: PHOENIX, at: '2026-03-08T14:30:00Z' }, findings: [before('07:30', 'America/Phoenix')] },
    { name: 'after the change Phoenix is still UTC-7: 21:00:00-07:00 on 10 March is blocked', request: { to: PHOENIX, at: '2026-03-10T21:00:00-07:00' }, findings: [after('21:00', 'America/Phoenix')] },

    // Hawaii (808, Pacific/Honolulu: UTC-10 all year).
    { name: 'in January 07:59:59 HST in Honolulu (17:59:59Z) is blocked', request: { to: HONOLULU, at: '2026-01-15T17:59:59Z' }, findings: [before('07:59:59', 'Pacific/Honolulu')] },
    { name: 'in July 21:00:00 HST in Honolulu (07:00:00Z) is blocked', request: { to: HONOLULU, at: '2026-07-16T07:00:00Z' }, findings: [after('21:00', 'Pacific/Honolulu')] },

    // Area codes that span zones: every candidate zone must be inside the window.
    {
      name: '208 at 07:30 Pacific (08:30 Mountain) is blocked: Los Angeles is outside the window',
      request: { to: IDAHO, at: '2026-03-10T07:30:00-07:00' },
      findings: [before('07:30', 'America/Los_Angeles')],
    },
    {
      name: '208 at 21:00 Mountain is blocked in Boise and Denver though Los Angeles is at 20:00',
      request: { to: IDAHO, at: '2026-03-10T21:00:00-06:00' },
      findings: [{ messageId: 'outsideInSeveralZones', data: { count: 2, zones: '21:00 in America/Boise, 21:00 in America/Denver' } }],
    },
    {
      name: '907 includes America/Adak: 08:30 in Anchorage (16:30Z) is 07:30 in Adak, blocked',
      request: { to: ALASKA, at: '2026-03-10T08:30:00-08:00' },
      // The shipped zone data also lists Pacific/Honolulu for 907.
      findings: [{ messageId: 'outsideInSeveralZones', data: { count: 2, zones: '07:30 in America/Adak, 06:30 in Pacific/Honolulu' } }],
    },
    {
      name: 'callee.timeZone America/Los_Angeles on a Chicago number: 09:30 Chicago is 07:30 there, blocked',
      request: { to: CHICAGO, at: '2026-03-10T09:30:00-05:00', callee: { timeZone: 'America/Los_Angeles' } },
      findings: [before('07:30', 'America/Los_Angeles')],
    },
  ],
});

/** Screens `overrides` of the default request with the common rules and the US federal pack, pinned. */
function check(overrides: Partial<CheckRequestInput>): Decision {
  return screen(anAttempt(overrides), { packs: ['us-federal'] });
}

describe('hours.federal messages', () => {
  it('beforeWindow reads "07:59:59 in America/Chicago is before 08:00", with the rule citation', () => {
    const violation = violationOf(check({ at: '2026-03-10T07:59:59-05:00' }), 'hours.federal');
    expect(violation.message).toMatchInlineSnapshot(`"07:59:59 in America/Chicago is before 08:00"`);
    expect(violation.citation).toBe('47 CFR 64.1200(c)(1); 16 CFR 310.4(c)');
  });

  it('afterWindow reads "21:00 in America/Chicago is at or after 21:00"', () => {
    expect(violationOf(check({ at: '2026-03-10T21:00:00-05:00' }), 'hours.federal').message).toMatchInlineSnapshot(`"21:00 in America/Chicago is at or after 21:00"`);
  });

  it('outsideInSeveralZones lists each zone outside the window', () => {
    expect(violationOf(check({ to: IDAHO, at: '2026-03-10T21:00:00-06:00' }), 'hours.federal').message).toMatchInlineSnapshot(`"outside 08:00–21:00 in 2 of the candidate zones: 21:00 in America/Boise, 21:00 in America/Denver"`);
  });
});

describe('hours.federal: the local times a call is judged at', () => {
  it.each<[string, Partial<CheckRequestInput>, string[]]>([
    ['02:00Z on 11 March to Chicago', { at: '2026-03-11T02:00:00Z' }, ['2026-03-10T21:00:00-05:00']],
    ['06:59:59Z on 8 March to New York (EST)', newYork('2026-03-08T06:59:59Z'), ['2026-03-08T01:59:59-05:00']],
    ['07:00:00Z on 8 March to New York (EDT)', newYork('2026-03-08T07:00:00Z'), ['2026-03-08T03:00:00-04:00']],
    ['07:30Z on 8 March to New York (02:30 does not exist)', newYork('2026-03-08T07:30:00Z'), ['2026-03-08T03:30:00-04:00']],
    ['12:30Z on 7 March to New York', newYork('2026-03-07T12:30:00Z'), ['2026-03-07T07:30:00-05:00']],
    ['12:30Z on 8 March to New York', newYork('2026-03-08T12:30:00Z'), ['2026-03-08T08:30:00-04:00']],
    ['07:30-05:00 on 8 March to New York', newYork('2026-03-08T07:30:00-05:00'), ['2026-03-08T08:30:00-04:00']],
    ['07:30-05:00 on 1 November to New York', newYork('2026-11-01T07:30:00-05:00'), ['2026-11-01T07:30:00-05:00']],
    ['08:00-04:00 on 1 November to New York', newYork('2026-11-01T08:00:00-04:00'), ['2026-11-01T07:00:00-05:00']],
    ['05:30Z on 1 November to New York (the first 01:30)', newYork('2026-11-01T05:30:00Z'), ['2026-11-01T01:30:00-04:00']],
    ['06:30Z on 1 November to New York (the second 01:30)', newYork('2026-11-01T06:30:00Z'), ['2026-11-01T01:30:00-05:00']],
    ['01:00Z on 2 November to New York', newYork('2026-11-02T01:00:00Z'), ['2026-11-01T20:00:00-05:00']],
    ['03:30Z on 16 January to Phoenix', { to: PHOENIX, at: '2026-01-16T03:30:00Z' }, ['2026-01-15T20:30:00-07:00']],
    ['03:30Z on 16 January to Denver', { to: DENVER, at: '2026-01-16T03:30:00Z' }, ['2026-01-15T20:30:00-07:00']],
    ['14:30Z on 8 March to Denver', { to: DENVER, at: '2026-03-08T14:30:00Z' }, ['2026-03-08T08:30:00-06:00']],
    ['21:00-07:00 on 10 March to Phoenix', { to: PHOENIX, at: '2026-03-10T21:00:00-07:00' }, ['2026-03-10T21:00:00-07:00']],
    ['17:59:59Z on 15 January to Honolulu', { to: HONOLULU, at: '2026-01-15T17:59:59Z' }, ['2026-01-15T07:59:59-10:00']],
    ['06:59:59Z on 16 July to Honolulu', { to: HONOLULU, at: '2026-07-16T06:59:59Z' }, ['2026-07-15T20:59:59-10:00']],
    [
      '07:30 Pacific to 208 (Boise, Denver, Los Angeles)',
      { to: IDAHO, at: '2026-03-10T07:30:00-07:00' },
      ['2026-03-10T08:30:00-06:00', '2026-03-10T08:30:00-06:00', '2026-03-10T07:30:00-07:00'],
    ],
    ['07:30 Pacific to 208 with callee.timeZone America/Boise', { to: IDAHO, at: '2026-03-10T07:30:00-07:00', callee: { timeZone: 'America/Boise' } }, ['2026-03-10T08:30:00-06:00']],
  ])('%s', (_name, request, localTimes) => {
    expect(check(request).callee.localTimes).toEqual(localTimes);
  });

  it('03:30Z on 16 July to Phoenix is 20:30 MST, its only zone', () => {
    expect(check({ to: PHOENIX, at: '2026-07-16T03:30:00Z' }).callee).toMatchObject({
      e164: '+16025550100',
      timeZones: ['America/Phoenix'],
      localTimes: ['2026-07-15T20:30:00-07:00'],
    });
  });

  it('208 yields America/Boise, America/Denver and America/Los_Angeles; callee.timeZone replaces them', () => {
    expect(check({ to: IDAHO }).callee.timeZones).toEqual(['America/Boise', 'America/Denver', 'America/Los_Angeles']);
    expect(check({ to: IDAHO, callee: { timeZone: 'America/Boise' } }).callee.timeZones).toEqual(['America/Boise']);
  });

  it('907 yields America/Adak and America/Anchorage among its zones', () => {
    const { timeZones } = check({ to: ALASKA, at: '2026-03-10T08:30:00-08:00' }).callee;
    expect(timeZones).toContain('America/Adak');
    expect(timeZones).toContain('America/Anchorage');
  });
});

describe('hours.federal in the US federal pack', () => {
  it('an autodialed call with written consent at 21:30 Chicago is blocked by the hours only; the consent lifts consent.autodial-wireless', () => {
    const decision = check({
      at: '2026-03-10T21:30:00-05:00',
      method: 'autodialer',
      callee: { lineType: 'mobile' },
      consents: [writtenConsent('acme', '2025-01-02T00:00:00Z')],
    });
    expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['hours.federal'], exemptions: ['consent.autodial-wireless'] });
  });
});
