import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../src/core/check-request.js';
import { screen } from '../../src/engine/screen.js';
import { anAttempt } from '../../src/testing/an-attempt.js';

const decide = (request: Partial<CheckRequestInput>, packs?: string[]) => screen(anAttempt(request), packs === undefined ? {} : { packs });

describe('nextAllowedAt', () => {
  it('is the start of the next window, in the callee\'s first zone', () => {
    expect(decide({ at: '2026-03-10T21:00:00-05:00' }, ['us-federal']).nextAllowedAt).toBe('2026-03-11T08:00:00-05:00');
    expect(decide({ to: '+1 416 555 0199', at: '2026-03-14T18:00:00-04:00', registries: { canada: { syncedAt: '2026-03-10', numbers: [] } } }).nextAllowedAt).toBe(
      '2026-03-15T10:00:00-04:00',
    );
  });

  it('is an instant a rule names when that is earlier than the grid: a call cap\'s window ending after an earlier call', () => {
    // Maryland (410): 3 calls in 24 hours on the same subject; the first left the window at 09:07:13 the next day.
    const history = [{ at: '2026-03-10T09:07:13-04:00' }, { at: '2026-03-10T11:00:00-04:00' }, { at: '2026-03-10T14:00:00-04:00' }];
    const decision = decide({ to: '+1 410 555 0123', at: '2026-03-10T17:00:00-04:00', history, registries: { national: { syncedAt: '2026-03-01', numbers: [] } } }, ['us-federal', 'us-states']);
    expect(decision.violations.map((found) => found.rule)).toEqual(['frequency.state']);
    expect(decision.nextAllowedAt).toBe('2026-03-11T09:07:13-04:00');
  });

  it('is absent when another rule would block at that moment: the registry copy is too old by then', () => {
    // Saturday 18:00 in Toronto; Sunday 10:00 is lawful by the clock, but the DNCL copy is then more than 31 days old.
    const decision = decide({ to: '+1 416 555 0199', at: '2026-03-14T18:00:00-04:00', registries: { canada: { syncedAt: '2026-02-11T23:00:00Z', numbers: [] } } });
    expect(decision.violations.map((found) => found.rule)).toEqual(['hours.canada']);
    expect(decision.nextAllowedAt).toBeUndefined();
  });

  it('is absent when a rule other than a time rule blocks', () => {
    const decision = decide({ at: '2026-03-10T21:00:00-05:00', registries: {} }, ['us-federal']);
    expect(decision.violations.map((found) => found.rule)).toEqual(['hours.federal', 'dnc.registry-stale']);
    expect(decision.nextAllowedAt).toBeUndefined();
  });

  it('is the next morning\'s 08:00 across a change of clocks, though the night is jumped over', () => {
    // Denver springs forward at 02:00 on 2026-03-08 and falls back on 2026-11-01: 08:00 is 9 and 10 hours away.
    const fresh = { national: { syncedAt: '2026-03-01', numbers: [] } };
    expect(decide({ to: '+1 303 555 0123', at: '2026-03-07T23:00:00-07:00', registries: fresh }, ['us-federal']).nextAllowedAt).toBe('2026-03-08T08:00:00-06:00');
    expect(decide({ to: '+1 303 555 0123', at: '2026-10-31T23:00:00-06:00', registries: { national: { syncedAt: '2026-10-25', numbers: [] } } }, ['us-federal']).nextAllowedAt).toBe(
      '2026-11-01T08:00:00-07:00',
    );
  });

  it('is the start of the window of the later of two zones: 208 reaches 08:00 in Boise an hour before the panhandle', () => {
    const decision = decide({ to: '+1 208 555 0123', at: '2026-03-10T22:00:00-06:00', registries: { national: { syncedAt: '2026-03-01', numbers: [] } } }, ['us-federal']);
    expect(decision.nextAllowedAt).toBe('2026-03-11T09:00:00-06:00');
  });
});

