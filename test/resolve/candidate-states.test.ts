import { describe, expect, it } from 'vitest';
import { resolveAttempt } from '../../src/resolve/resolve-attempt.js';
import { anAttempt } from '../../src/testing/an-attempt.js';

/** The candidate states of a call to `to` with the address state `state`, and where each came from. */
function candidates(to: string, state?: string) {
  const { callee } = resolveAttempt(anAttempt({ to, callee: { lineType: 'landline', ...(state && { state }) } }));
  return { states: callee.states, stateSources: callee.stateSources };
}

describe('candidate states', () => {
  it("are the area code's, then the address's, each with where it came from", () => {
    expect(candidates('+13035550123')).toEqual({ states: ['CO'], stateSources: ['area-code'] });
    expect(candidates('+13035550123', 'CO')).toEqual({ states: ['CO'], stateSources: ['area-code+address'] });
    expect(candidates('+13035550123', 'AZ')).toEqual({ states: ['AZ', 'CO'], stateSources: ['address', 'area-code'] });
    expect(candidates('+18005550123', 'TX')).toEqual({ states: ['TX'], stateSources: ['address'] });
  });

  it('are one shared, frozen answer for every number of an area code with the same address state', () => {
    const first = candidates('+13035550123', 'AZ');
    const second = candidates('+13039870000', 'AZ');
    expect(second.states).toBe(first.states);
    expect(second.stateSources).toBe(first.stateSources);
    expect(Object.isFrozen(first.states) && Object.isFrozen(first.stateSources)).toBe(true);
    expect(candidates('+13035550123', 'UT').states).toEqual(['CO', 'UT']);
  });
});
