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
    fc.assert(
      fc.property(arbitraryRequest, (request) => {
        const decision = screen(parseCheckRequest(request));
        if (decision.verdict !== 'allow' || request.purpose === 'informational' || request.callee?.business === true) return;
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
    expect(checked).toBeGreaterThan(0);
  });
});
