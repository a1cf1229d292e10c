import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../src/core/check-request.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { screen } from '../../src/engine/screen.js';
import { withoutTimeRules } from '../../src/engine/without-time-rules.js';
import { anAttempt } from '../../src/testing/an-attempt.js';
import { arbitraryRequest } from '../support/arbitrary-request.js';
import { parseCheckRequest } from '../../src/core/check-request.js';

const rules = (request: Partial<CheckRequestInput>, timeRules: 'screen' | 'skip') =>
  screen(anAttempt(request), { timeRules }).violations.map((found) => found.rule);

/** The ids of the rules that declare themselves time rules, across the default packs. */
const TIME_RULES = new Set(packsInForce().policies.filter((policy) => policy.timeRule === true).map((policy) => policy.id));

describe("screen's timeRules: 'skip'", () => {
  it('leaves out hours.federal at 23:00 in Chicago but still reports dnc.national', () => {
    const request = { at: '2026-03-10T23:00:00-05:00', registries: { national: { syncedAt: '2026-03-01', numbers: ['+13125550188'] } } };
    expect(rules(request, 'screen')).toEqual(['hours.federal', 'dnc.national', 'hours.state']);
    expect(rules(request, 'skip')).toEqual(['dnc.national']);
  });

  it('allows a call that only the clock blocks, and then gives no nextAllowedAt', () => {
    const decision = screen(anAttempt({ at: '2026-03-10T23:00:00-05:00' }), { timeRules: 'skip' });
    expect(decision.verdict).toBe('allow');
    expect(decision.nextAllowedAt).toBeUndefined();
  });

  it('still judges registry freshness at the attempt\'s instant: a copy 40 days old blocks', () => {
    expect(rules({ at: '2026-04-10T23:00:00-05:00' }, 'skip')).toEqual(['dnc.registry-stale']);
  });

  it('keeps the guards: a number with no state still blocks with state.unknown', () => {
    expect(rules({ to: '+1 800 555 0100' }, 'skip')).toEqual(['state.unknown']);
  });

  it('derives the pack once and keeps every rule that is not a time rule', () => {
    const pack = packsInForce();
    expect(withoutTimeRules(pack)).toBe(withoutTimeRules(pack));
    expect(withoutTimeRules(pack).policies.map((policy) => policy.id)).toEqual(pack.policies.map((policy) => policy.id).filter((id) => !TIME_RULES.has(id)));
    expect(TIME_RULES).toContain('hours.federal');
    expect(TIME_RULES).toContain('frequency.state');
  });

  it("blocks exactly the full screening's non-time findings, timezone.unknown aside (it stands in for time rules)", () => {
    fc.assert(
      fc.property(arbitraryRequest, (request) => {
        const attempt = parseCheckRequest(request);
        const full = screen(attempt).violations.map((found) => found.rule).filter((id) => !TIME_RULES.has(id) && id !== 'timezone.unknown');
        const skipped = screen(attempt, { timeRules: 'skip' }).violations.map((found) => found.rule);
        expect(skipped).toEqual(full);
      }),
      { numRuns: 300 },
    );
  });
});
