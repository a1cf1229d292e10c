import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen, type ScreenOptions } from '../../../src/engine/screen.js';
import { InMemoryRegistry } from '../../../src/resolve/registry.js';
import { aCheckRequest } from '../../../src/testing/a-check-request.js';
import { rulesOf, violationOf } from '../../support/decision-helpers.js';

// The default call is placed 2026-03-10T14:00:00-05:00, i.e. 2026-03-10T19:00:00Z; 31 x 24 hours earlier is
// 2026-02-07T19:00:00Z.

/** Screens the default request (a fresh, empty national copy synced 2026-03-01) with `overrides`. */
function check(overrides: Partial<CheckRequestInput> = {}, options: ScreenOptions = {}): Decision {
  return screen(parseCheckRequest(aCheckRequest(overrides)), options);
}

function syncedAt(date: string | undefined): Partial<CheckRequestInput> {
  return { registries: { national: date === undefined ? { numbers: [] } : { syncedAt: date, numbers: [] } } };
}

const RULE = 'dnc.registry-stale';

const ALLOWED = { verdict: 'allow', violations: [], exemptions: [] };
const BLOCKED = { verdict: 'block', violations: ['dnc.registry-stale'], exemptions: [] };

describe('dnc.registry-stale', () => {
  describe('the age of the copy', () => {
    it('a copy synced exactly 31 days before the call (2026-02-07T19:00:00Z) is allowed', () => {
      expect(rulesOf(check(syncedAt('2026-02-07T19:00:00Z')))).toEqual(ALLOWED);
    });

    it('a copy synced 31 days and 1 second before the call (2026-02-07T18:59:59Z) is blocked', () => {
      const decision = check(syncedAt('2026-02-07T18:59:59Z'));
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'stale', data: { syncedAt: '2026-02-07T18:59:59Z', age: '31 days 00:00:01' } });
      expect(violationOf(decision, RULE).citation).toBe('47 CFR 64.1200(c)(2)(i); 16 CFR 310.4(b)(3)');
    });

    it('a date-only syncedAt "2026-02-07" means 00:00 UTC, 31.7 days before the call: blocked', () => {
      const decision = check(syncedAt('2026-02-07'));
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'stale', data: { syncedAt: '2026-02-07T00:00:00Z', age: '31 days 19:00:00' } });
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"the national registry copy was synced 2026-02-07T00:00:00Z, 31 days 19:00:00 before the call; it must be at most 31 days old"`);
    });

    it('the age is counted in 24-hour days, not wall-clock days: synced 13:00 CST on 7 February, called 14:00 CDT on 10 March is allowed', () => {
      expect(rulesOf(check({ ...syncedAt('2026-02-07T13:00:00-06:00'), at: '2026-03-10T14:00:00-05:00' }))).toEqual(ALLOWED);
    });

    it('a copy synced at the instant of the call is allowed', () => {
      expect(rulesOf(check(syncedAt('2026-03-10T19:00:00Z')))).toEqual(ALLOWED);
    });

    it('a copy dated 2026-03-11, after the call, is blocked', () => {
      const decision = check(syncedAt('2026-03-11'));
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'syncedAfterCall', data: { syncedAt: '2026-03-11T00:00:00Z' } });
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"the national registry copy is dated 2026-03-11T00:00:00Z, after the call; a call can only be screened with a copy obtained before it"`);
    });

    it('a copy dated one second after the call (2026-03-10T19:00:01Z) is blocked', () => {
      expect(check(syncedAt('2026-03-10T19:00:01Z'))).toBeBlockedBy(RULE, { messageId: 'syncedAfterCall' });
    });
  });

  describe('a missing copy or sync date', () => {
    it('a request with no national copy (registries.internal only) is blocked', () => {
      const decision = check({ registries: { internal: { numbers: [] } } });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'missing', data: {} });
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"no copy of the national do-not-call registry was supplied (registries.national), so the number cannot be screened against it"`);
    });

    it('a request with no registries at all is blocked as missing', () => {
      const { registries: _omitted, ...request } = aCheckRequest();
      const decision = screen(parseCheckRequest(request));
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'missing' });
    });

    it('a copy without syncedAt is blocked: its age is unknown', () => {
      const decision = check(syncedAt(undefined));
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'noSyncDate', data: {} });
      expect(violationOf(decision, RULE).message).toMatchInlineSnapshot(`"the national registry copy has no sync date (registries.national.syncedAt), so its age is unknown"`);
    });

    it('an empty national object {} is a copy without syncedAt', () => {
      expect(check({ registries: { national: {} } })).toBeBlockedBy(RULE, { messageId: 'noSyncDate' });
    });

    it('a shared context copy synced 2026-03-01 counts when the request brings none', () => {
      const decision = check(
        { registries: {} },
        { registries: { national: { syncedAt: Date.parse('2026-03-01T00:00:00Z'), numbers: new InMemoryRegistry() } } },
      );
      expect(rulesOf(decision)).toEqual(ALLOWED);
    });
  });

  describe('when the rule does not apply', () => {
    it('a business callee with no national copy is allowed', () => {
      expect(rulesOf(check({ registries: {}, callee: { business: true } }))).toEqual(ALLOWED);
    });

    it('an informational call with a copy synced 2025-01-01 is allowed', () => {
      expect(rulesOf(check({ ...syncedAt('2025-01-01'), purpose: 'informational' }))).toEqual(ALLOWED);
    });

    it('an informational call with no national copy is allowed', () => {
      expect(rulesOf(check({ registries: {}, purpose: 'informational' }))).toEqual(ALLOWED);
    });
  });
});
