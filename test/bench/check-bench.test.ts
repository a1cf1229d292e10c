import { describe, expect, it } from 'vitest';
import { runFloorRound, sampleDecisions } from '../../bench/check-bench.js';

describe('the check bench floor', () => {
  it('reads every generated request and answers each with a sampled decision of the real shape', async () => {
    const decisions = await sampleDecisions(7, 50);
    expect(decisions).toHaveLength(50);
    expect(decisions[0]).toMatchObject({ verdict: expect.stringMatching(/^(allow|block)$/), callee: expect.any(Object) });
    const round = await runFloorRound(2_500, 7, decisions);
    expect(round.decisions).toBe(2_500);
  });
});
