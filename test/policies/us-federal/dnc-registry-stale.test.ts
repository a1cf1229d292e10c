import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen, type ScreenOptions } from '../../../src/engine/screen.js';
import { InMemoryRegistry } from '../../../src/resolve/registry.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { dncRegistryStale } from '../../../policies/us-federal/index.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is placed 2026-03-10T14:00:00-05:00, i.e. 2026-03-10T19:00:00Z; 31 x 24 hours earlier is
// 2026-02-07T19:00:00Z.

/** An empty national copy synced at `date`, or one with no sync date when `date` is undefined. */
function syncedAt(date: string | undefined): Partial<CheckRequestInput> {
  return { registries: { national: date === undefined ? { numbers: [] } : { syncedAt: date, numbers: [] } } };
}

testPolicy(dncRegistryStale, {
  allowed: [
    // The age of the copy.
    { name: 'a copy synced 31 days exactly before the call (2026-02-07T19:00:00Z) is allowed', request: syncedAt('2026-02-07T19:00:00Z') },
    {
      name: 'the age is counted in 24-hour days, not wall-clock days: synced 13:00 CST on 7 February, called 14:00 CDT on 10 March is allowed',
      request: { ...syncedAt('2026-02-07T13:00:00-06:00'), at: '2026-03-10T14:00:00-05:00' },
    },
    { name: 'a copy synced at the instant of the call is allowed', request: syncedAt('2026-03-10T19:00:00Z') },

    // When the rule does not apply.
    { name: 'a business callee with no national copy is allowed', request: { registries: {}, callee: { business: true } } },
    { name: 'an informational call with a copy synced 2025-01-01 is allowed', request: { ...syncedAt('2025-01-01'), purpose: 'informational' } },
    { name: 'an informational call with no national copy is allowed', request: { registries: {}, purpose: 'informational' } },
  ],
  blocked: [
    // The age of the copy.
    {
      name: 'a copy synced 31 days and 1 ms before the call (2026-02-07T18:59:59.999Z) is blocked; its age is shown to the second',
      request: syncedAt('2026-02-07T18:59:59.999Z'),
      findings: [{ messageId: 'stale', data: { syncedAt: '2026-02-07T18:59:59.999Z', age: '31 days 00:00:00' } }],
    },
    {
      name: 'a copy synced 31 days and 1 second before the call (2026-02-07T18:59:59Z) is blocked',
      request: syncedAt('2026-02-07T18:59:59Z'),
      findings: [{ messageId: 'stale', data: { syncedAt: '2026-02-07T18:59:59Z', age: '31 days 00:00:01' } }],
    },
    {
      name: 'a date-only syncedAt "2026-02-07" means 00:00 UTC, 31 days 19 hours before the call: blocked',
      request: syncedAt('2026-02-07'),
      findings: [{ messageId: 'stale', data: { syncedAt: '2026-02-07T00:00:00Z', age: '31 days 19:00:00' } }],
    },
    {
      name: 'a copy dated 2026-03-11, after the call, is blocked',
      request: syncedAt('2026-03-11'),
      findings: [{ messageId: 'syncedAfterCall', data: { syncedAt: '2026-03-11T00:00:00Z' } }],
    },
    {
      name: 'a copy dated one second after the call (2026-03-10T19:00:01Z) is blocked',
      request: syncedAt('2026-03-10T19:00:01Z'),
      findings: [{ messageId: 'syncedAfterCall', data: { syncedAt: '2026-03-10T19:00:01Z' } }],
    },

    // A missing copy or sync date.
    { name: 'a request with no national copy (registries.internal only) is blocked', request: { registries: { internal: { numbers: [] } } }, findings: [{ messageId: 'missing', data: {} }] },
    { name: 'a request with no registries at all is blocked as missing', request: { registries: undefined }, findings: [{ messageId: 'missing', data: {} }] },
    { name: 'a copy without syncedAt is blocked: its age is unknown', request: syncedAt(undefined), findings: [{ messageId: 'noSyncDate', data: {} }] },
    { name: 'an empty national object {} is a copy without syncedAt', request: { registries: { national: {} } }, findings: [{ messageId: 'noSyncDate', data: {} }] },
  ],
});

/** Screens `overrides` of the default request with the common rules and the US federal pack, pinned. */
function check(overrides: Partial<CheckRequestInput>, options: Omit<ScreenOptions, 'packs'> = {}): Decision {
  return screen(anAttempt(overrides), { ...options, packs: ['us-federal'] });
}

describe('dnc.registry-stale messages', () => {
  it('stale gives the sync instant and the age, with the rule citation', () => {
    const violation = violationOf(check(syncedAt('2026-02-07')), 'dnc.registry-stale');
    expect(violation.message).toMatchInlineSnapshot(`"the national registry copy was synced 2026-02-07T00:00:00Z, 31 days 19:00:00 before the call; it must be at most 31 days old"`);
    expect(violation.citation).toBe('47 CFR 64.1200(c)(2)(i); 16 CFR 310.4(b)(3)');
  });

  it('syncedAfterCall gives the date of the copy', () => {
    expect(violationOf(check(syncedAt('2026-03-11')), 'dnc.registry-stale').message).toMatchInlineSnapshot(`"the national registry copy is dated 2026-03-11T00:00:00Z, after the call; a call can only be screened with a copy obtained before it"`);
  });

  it('missing names registries.national', () => {
    expect(violationOf(check({ registries: { internal: { numbers: [] } } }), 'dnc.registry-stale').message).toMatchInlineSnapshot(`"no copy of the national do-not-call registry was supplied (registries.national), so the number cannot be screened against it"`);
  });

  it('noSyncDate names registries.national.syncedAt', () => {
    expect(violationOf(check(syncedAt(undefined)), 'dnc.registry-stale').message).toMatchInlineSnapshot(`"the national registry copy has no sync date (registries.national.syncedAt), so its age is unknown"`);
  });
});

describe('dnc.registry-stale in the US federal pack', () => {
  it('a copy synced 31 days and 1 second before the call: dnc.registry-stale alone blocks', () => {
    expect(rulesOf(check(syncedAt('2026-02-07T18:59:59Z')))).toEqual({ verdict: 'block', violations: ['dnc.registry-stale'], exemptions: [] });
  });

  // A shared copy comes with the screening options, not the request, so it does not fit a testPolicy case.
  it('a shared context copy synced 2026-03-01 counts when the request brings none', () => {
    const decision = check(
      { registries: {} },
      { registries: { national: { syncedAt: Date.parse('2026-03-01T00:00:00Z'), numbers: new InMemoryRegistry() } } },
    );
    expect(rulesOf(decision)).toEqual({ verdict: 'allow', violations: [], exemptions: [] });
  });
});
