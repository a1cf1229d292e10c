import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { definePack } from '../../../src/core/define-pack.js';
import { InputError } from '../../../src/core/input-error.js';
import { screen, type ScreenOptions } from '../../../src/engine/screen.js';
import { localTimeDirect } from '../../../src/resolve/local-time.js';
import { resolveNumberDirect } from '../../../src/resolve/phone-number.js';
import type { ResolutionStrategy } from '../../../src/resolve/resolve-attempt.js';
import { aCheckRequest } from '../../../src/testing/a-check-request.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { timezoneUnknown } from '../../../policies/common/index.js';
import { hoursFederal } from '../../../policies/us-federal/index.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is a manual telemarketing call at 14:00 in Chicago (2026-03-10T19:00:00Z).

/**
 * A guard rule never runs on its own: it blocks in place of a rule that requires the local time when that time is
 * unknown. So it is tested guarding hours.federal, the built-in rule that requires it, and nothing else.
 */
const guardingTheHours = definePack({ id: 'timezone-unknown-guarding-hours', title: 'timezone.unknown guarding hours.federal', policies: [timezoneUnknown, hoursFederal] });

const nonGeographic = (e164: string, kind: string) => ({ messageId: 'nonGeographic' as const, data: { e164, kind } });

testPolicy(
  timezoneUnknown,
  {
    allowed: [
      // Only when a time-of-day rule applies.
      { name: 'an informational manual call to 800-555-0100 is allowed', request: { to: '800-555-0100', purpose: 'informational' } },
      { name: 'an informational manual call to 888-555-0100 is allowed', request: { to: '888-555-0100', purpose: 'informational' } },
      { name: 'an informational manual call to 500-555-0100 is allowed', request: { to: '500-555-0100', purpose: 'informational' } },
      { name: 'a telemarketing call to a business on 800-555-0100 is allowed', request: { to: '800-555-0100', callee: { business: true } } },
      { name: 'an informational autodialed call to 800-555-0100 is not blocked for its local time', request: { to: '800-555-0100', purpose: 'informational', method: 'autodialer' } },

      // callee.timeZone makes the local time known.
      { name: '800-555-0100 with callee.timeZone America/Chicago at 14:00 Chicago is allowed', request: { to: '800-555-0100', callee: { timeZone: 'America/Chicago' } } },
      { name: '500-555-0100 with callee.timeZone Pacific/Honolulu at 14:00 Chicago (09:00 HST) is allowed', request: { to: '500-555-0100', callee: { timeZone: 'Pacific/Honolulu' } } },
    ],
    blocked: [
      // Non-geographic numbers have no local time.
      { name: 'a telemarketing call to toll-free 800-555-0100 is blocked: the hours cannot be checked', request: { to: '800-555-0100' }, findings: [nonGeographic('+18005550100', 'toll-free')] },
      { name: 'a telemarketing call to 888-555-0100 is blocked (toll-free)', request: { to: '888-555-0100' }, findings: [nonGeographic('+18885550100', 'toll-free')] },
      { name: 'a telemarketing call to 500-555-0100 is blocked (personal)', request: { to: '500-555-0100' }, findings: [nonGeographic('+15005550100', 'personal')] },
      { name: 'a telemarketing call to 900-555-0100 is blocked (premium-rate)', request: { to: '900-555-0100' }, findings: [nonGeographic('+19005550100', 'premium-rate')] },
      {
        name: "it stands in for hours.federal even at 23:00 by the caller's clock: hours.federal is not reported",
        request: { to: '800-555-0100', at: '2026-03-10T23:00:00-05:00' },
        findings: [nonGeographic('+18005550100', 'toll-free')],
      },

      // callee.timeZone makes the local time known, and the hours are checked on it.
      {
        name: '800-555-0100 with callee.timeZone America/Chicago at 21:30 Chicago is blocked by hours.federal instead',
        request: { to: '800-555-0100', at: '2026-03-10T21:30:00-05:00', callee: { timeZone: 'America/Chicago' } },
        findings: [{ rule: 'hours.federal', messageId: 'afterWindow', data: { localTime: '21:30', zone: 'America/Chicago' } }],
      },
    ],
  },
  { pack: guardingTheHours },
);

/**
 * Every US geographic area code has a zone in the shipped data, so an unknown one is simulated: numbers resolve as
 * usual, except that toll-free numbers are reported as geographic (and 800 has no zone in the data). A resolution
 * strategy is a screening option, which a testPolicy case cannot give.
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

/** Screens `overrides` of the default request with the common rules and the US federal pack, pinned. */
function check(overrides: Partial<CheckRequestInput>, options: Omit<ScreenOptions, 'packs'> = {}): Decision {
  return screen(anAttempt(overrides), { ...options, packs: ['us-federal'] });
}

const BLOCKED = { verdict: 'block', violations: ['timezone.unknown'], exemptions: [] };

describe('timezone.unknown messages', () => {
  it('nonGeographic names the number and its kind, with the rule citation; the decision reports no zone', () => {
    const decision = check({ to: '800-555-0100' });
    const violation = violationOf(decision, 'timezone.unknown');
    expect(violation.message).toMatchInlineSnapshot(`"+18005550100 is a toll-free number with no location, so the callee's local time is unknown; give callee.timeZone from the lead's address"`);
    expect(violation.citation).toBe('47 CFR 64.1200(c)(1); 16 CFR 310.4(c)');
    expect(decision.callee).toMatchObject({ e164: '+18005550100', timeZones: [], localTimes: [] });
  });
});

describe('timezone.unknown: a geographic number whose area code has no zone in the data', () => {
  it('is blocked, naming the area code', () => {
    const decision = check({ to: '800-555-0100' }, { strategy: tollFreeAsGeographic() });
    expect(rulesOf(decision)).toEqual(BLOCKED);
    expect(decision).toBeBlockedBy('timezone.unknown', { messageId: 'unknownAreaCode', data: { e164: '+18005550100', areaCode: '800' } });
    expect(violationOf(decision, 'timezone.unknown').message).toMatchInlineSnapshot(`"no time zone is known for area code 800 (+18005550100), so the callee's local time is unknown; give callee.timeZone from the lead's address"`);
  });

  it('is allowed once callee.timeZone is given', () => {
    const decision = check({ to: '800-555-0100', callee: { timeZone: 'America/Chicago' } }, { strategy: tollFreeAsGeographic() });
    expect(rulesOf(decision)).toEqual({ verdict: 'allow', violations: [], exemptions: [] });
  });
});

describe('timezone.unknown input errors', () => {
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
});

describe('timezone.unknown in the US federal pack', () => {
  it('a telemarketing call to 800-555-0100 is blocked by timezone.unknown alone', () => {
    expect(rulesOf(check({ to: '800-555-0100' }))).toEqual(BLOCKED);
  });

  it('at 23:00 by the caller\'s clock it stands in for hours.federal: hours.federal is not reported', () => {
    expect(rulesOf(check({ to: '800-555-0100', at: '2026-03-10T23:00:00-05:00' }))).toEqual(BLOCKED);
  });

  it('it is reported with the other violations: 800-555-0100 on the internal list is blocked by both', () => {
    const decision = check({
      to: '800-555-0100',
      registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['(800) 555-0100'] } },
    });
    expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['dnc.internal', 'timezone.unknown'], exemptions: [] });
  });

  it('an informational autodialed call to 800-555-0100 with no consent is blocked by consent only', () => {
    const decision = check({ to: '800-555-0100', purpose: 'informational', method: 'autodialer' });
    expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['consent.autodial-wireless'], exemptions: [] });
  });

  it('800-555-0100 with callee.timeZone America/Chicago at 14:00 Chicago is allowed, judged in Chicago', () => {
    const decision = check({ to: '800-555-0100', callee: { timeZone: 'America/Chicago' } });
    expect(rulesOf(decision)).toEqual({ verdict: 'allow', violations: [], exemptions: [] });
    expect(decision.callee.timeZones).toEqual(['America/Chicago']);
    expect(decision.callee.localTimes).toEqual(['2026-03-10T14:00:00-05:00']);
  });

  it('800-555-0100 with callee.timeZone America/Chicago at 21:30 Chicago is blocked by hours.federal alone', () => {
    const decision = check({ to: '800-555-0100', at: '2026-03-10T21:30:00-05:00', callee: { timeZone: 'America/Chicago' } });
    expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['hours.federal'], exemptions: [] });
  });
});
