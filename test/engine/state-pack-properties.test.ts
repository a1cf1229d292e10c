import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCheckRequest } from '../../src/core/check-request.js';
import { screen } from '../../src/engine/screen.js';
import { STATE_ROWS } from '../../policies/us-states/state-table.js';
import { versionOn, WEEKDAYS } from '../../policies/us-states/state-row.js';
import { arbitraryRequest } from '../support/arbitrary-request.js';

const RUNS = 2000;

/** The weekday of a local ISO date-time, read from its text, independent of the rules' own arithmetic. */
function weekdayOf(iso: string): (typeof WEEKDAYS)[number] {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(day + 6) % 7]!;
}

describe('the us-states pack, as properties', () => {
  it('adding the state pack never turns a federal block into an allow', () => {
    fc.assert(
      fc.property(arbitraryRequest, (request) => {
        const attempt = parseCheckRequest(request);
        const federal = screen(attempt, { packs: ['us-federal'] });
        const withStates = screen(attempt, { packs: ['us-federal', 'us-states'] });
        if (federal.verdict === 'block') expect(withStates.verdict).toBe('block');
        // Every federal finding is still there, in the same words.
        expect(withStates.violations.filter((found) => federal.violations.some((other) => other.rule === found.rule))).toEqual(federal.violations);
      }),
      { numRuns: RUNS },
    );
  });

  it("no allowed residential telemarketing call is outside any candidate state's window in any candidate zone", () => {
    let checked = 0;
    // Residential telemarketing calls with fresh, empty copies of the national, internal and every state's list:
    // the general requests are mostly blocked by a list, a stale copy or a missing one, which left a handful of
    // allowed calls to check in 2,000 (and none about one run in a hundred).
    const residentialTelemarketing = arbitraryRequest.map((request) => {
      const syncedAt = new Date(Date.parse(request.at) - 86_400_000).toISOString();
      const states = Object.fromEntries([...STATE_ROWS.keys()].map((state) => [state, { syncedAt, numbers: [] }]));
      return {
        ...request,
        purpose: 'telemarketing' as const,
        callee: { ...request.callee, business: false },
        registries: { national: { syncedAt, numbers: [] }, internal: { numbers: [] }, states },
      };
    });
    fc.assert(
      fc.property(residentialTelemarketing, (request) => {
        const decision = screen(parseCheckRequest(request));
        if (decision.verdict !== 'allow') return;
        for (const state of decision.callee.states) {
          const row = STATE_ROWS.get(state);
          if (row === undefined) continue;
          for (const iso of decision.callee.localTimes) {
            const version = versionOn(row, iso.slice(0, 10));
            for (const hours of version?.hours ?? []) {
              if (hours.value.methods !== undefined && !hours.value.methods.includes(request.method)) continue;
              if (hours.value.clock !== undefined) continue;
              checked++;
              const window = hours.value.windows[weekdayOf(iso)];
              expect(window, `${state} ${iso}`).not.toBeNull();
              const clock = iso.slice(11, 16);
              expect(clock >= window!.from && clock < window!.to, `${state} ${iso} inside ${window!.from}-${window!.to}`).toBe(true);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    // About 130 calls are checked in a run; fewer than 20 would mean the property is no longer reaching them.
    expect(checked).toBeGreaterThan(20);
  });
});
